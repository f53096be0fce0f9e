package me.adsby.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.adsby.workbench.engine.registry.LabelMoves;
import me.adsby.workbench.engine.registry.ModelConfig;
import me.adsby.workbench.engine.registry.ModelServerConfig;
import me.adsby.workbench.engine.registry.PendingMoves;
import me.adsby.workbench.engine.registry.PollIntervalWait;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.engine.registry.RegistryModel;
import me.adsby.workbench.engine.registry.RegistrySettings;
import me.adsby.workbench.engine.registry.RegistryVersion;
import me.adsby.workbench.engine.registry.ServingStatusWait;
import me.adsby.workbench.engine.registry.VersionAvailability;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.history.RegistryAction;
import me.adsby.workbench.storage.history.RegistryMirror;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.work.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code workbench registry list | show | label | rollback | archive | clean | settings}. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "List, show, label, roll back and archive the serving registry's models.",
        subcommands = {RegistryCommand.ListModels.class, RegistryCommand.Show.class, RegistryCommand.Label.class,
            RegistryCommand.Rollback.class, RegistryCommand.Archive.class, RegistryCommand.Clean.class,
            RegistrySettingsCommand.class})
final class RegistryCommand implements Runnable {

    @ParentCommand
    private WorkbenchCommand workbench;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Say what to do: list, show, label, rollback, archive, clean or settings");
    }

    /** The registry at {@code uri}, or the home's; {@code mirror} may be null. */
    static Registry open(WorkbenchHome home, BlobStores stores, String uri, RegistryMirror mirror) throws IOException {
        BlobUri root = uri == null ? BlobUri.local(home.registry()) : BlobUri.parse(uri);
        return new Registry(stores.forUri(root), root, mirror, Registry.currentUser(), Clock.systemUTC());
    }

    /** Label moves in two steps, waiting for the serving URL or the registry's recorded poll interval. */
    static LabelMoves moves(Registry registry, java.net.URI servingUrl) throws IOException {
        VersionAvailability availability = servingUrl != null
                ? new ServingStatusWait(servingUrl, java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(1),
                        Clock.systemUTC())
                : new PollIntervalWait(RegistrySettings.read(registry.store(), registry.root()).configPoll(), Clock.systemUTC());
        return new LabelMoves(registry, availability, Clock.systemUTC());
    }

    /** What the subcommands share. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        RegistryCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--registry", paramLabel = "URI", description = "The registry: a folder or gs:// prefix."
                + " Default: <home>/registry.")
        String registryUri;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public Integer call() throws Exception {
            WorkbenchHome home = parent.workbench.openHome();
            try (BlobStores stores = parent.workbench.openStores()) {
                if (!changes()) {
                    return run(open(home, stores, registryUri, null));
                }
                try (RunHistory history = RunHistory.open(home.history())) {
                    return run(open(home, stores, registryUri, history.registry()));
                }
            }
        }

        /** Whether the command changes the registry (and so is recorded in the history's audit log). */
        abstract boolean changes();

        abstract int run(Registry registry) throws IOException;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The models, their versions and labels.")
    static final class ListModels extends Sub {
        @Override
        boolean changes() {
            return false;
        }

        @Override
        int run(Registry registry) throws IOException {
            ModelServerConfig config = registry.readConfig().config();
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            for (String name : registry.models()) {
                ModelConfig entry = config.model(name).orElse(null);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", name);
                row.put("versions", registry.versions(name));
                row.put("served", entry == null ? List.of() : List.copyOf(entry.versions()));
                row.put("labels", entry == null ? Map.of() : entry.labels());
                rows.add(row);
            }
            if (json) {
                JsonOutput.print(out(), Map.of("registry", registry.root().toString(), "models", rows));
                return 0;
            }
            out().printf("%-24s %-20s %-20s %s%n", "model", "versions", "served", "labels");
            for (Map<String, Object> row : rows) {
                out().printf("%-24s %-20s %-20s %s%n", row.get("name"), row.get("versions"), row.get("served"), row.get("labels"));
            }
            out().printf("%d models in %s%n", rows.size(), registry.root());
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One model: versions, labels, cards, history.")
    static final class Show extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        boolean changes() {
            return false;
        }

        @Override
        int run(Registry registry) throws IOException {
            RegistryModel model = registry.show(name);
            RegistrySettings settings = RegistrySettings.read(registry.store(), registry.root());
            PendingMoves pending = new LabelMoves(registry, new PollIntervalWait(settings.configPoll(), Clock.systemUTC()),
                    Clock.systemUTC()).pending(name);
            if (json) {
                JsonOutput.print(out(), JsonOutput.merged(model, Map.of("pending_moves", pending.moves(),
                        "config_poll_seconds", settings.configPollSeconds())));
                return 0;
            }
            out().printf("%s in %s%n", model.name(), registry.root());
            out().println("labels: " + model.labels());
            out().println("served: " + model.served());
            for (RegistryVersion version : model.versions()) {
                String card = version.card() == null ? "no card" : "run " + version.card().sourceRunId() + ", published by "
                        + version.card().publishedBy() + " at " + version.card().publishedAt();
                out().printf("  %4d  %-8s %-20s %s%n", version.version(), version.served() ? "served" : "archived",
                        String.join(",", version.labels()), card);
            }
            if (!model.incomplete().isEmpty()) {
                out().println("incomplete (publish stopped or under way): " + model.incomplete());
            }
            out().println("production history: " + model.productionHistory());
            for (PendingMoves.Move move : pending.moves()) {
                out().printf("pending: %s -> version %d, asked by %s at %s; moves once TF Serving has loaded it (after %s"
                        + " by the config poll interval; run registry label again to finish it if its process stopped)%n",
                        move.label(), move.version(), move.requestedBy(), move.requestedAt(), move.movesAfter());
            }
            out().printf("config poll interval: %d s (TF Serving's --model_config_file_poll_wait_seconds; registry settings"
                    + " to change)%n", settings.configPollSeconds());
            return 0;
        }
    }

    @Command(name = "label", mixinStandardHelpOptions = true, description = "Point a label (production, staging) at a version.")
    static final class Label extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION")
        long version;

        @Parameters(index = "2", paramLabel = "LABEL")
        String label;

        @Override
        boolean changes() {
            return true;
        }

        @Option(names = "--serving-url", paramLabel = "URL", description = {"The TF Serving REST endpoint that reads this"
            + " registry: the label moves once it reports the version AVAILABLE. Default: wait out the registry's config"
            + " poll interval after serving the version."})
        java.net.URI servingUrl;

        @Override
        int run(Registry registry) throws IOException {
            moves(registry, servingUrl).move(name, version, label, RegistryAction.LABEL, null,
                    new ConsoleProgress(spec.commandLine().getErr(), "Moving " + label), Cancellation.NEVER);
            if (json) {
                JsonOutput.print(out(), Map.of("model", name, "label", label, "version", version));
            } else {
                out().printf("%s: %s is now version %d%n", name, label, version);
            }
            return 0;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Point production back at the version it pointed at before.")
    static final class Rollback extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        boolean changes() {
            return true;
        }

        @Option(names = "--serving-url", paramLabel = "URL", description = "As for registry label.")
        java.net.URI servingUrl;

        @Override
        int run(Registry registry) throws IOException {
            long version = moves(registry, servingUrl).rollback(name,
                    new ConsoleProgress(spec.commandLine().getErr(), "Rolling back"), Cancellation.NEVER).version();
            if (json) {
                JsonOutput.print(out(), Map.of("model", name, "label", Registry.PRODUCTION, "version", version));
            } else {
                out().printf("%s: production is back to version %d%n", name, version);
            }
            return 0;
        }
    }

    @Command(name = "clean", mixinStandardHelpOptions = true, description = {"Remove what killed publishes left: staging"
        + " folders and numbered folders without saved_model.pb that nothing serves."})
    static final class Clean extends Sub {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--older-than-minutes", paramLabel = "N", defaultValue = "60", description = {"Only leftovers"
            + " whose newest file is older than this, so that a publish under way is not cut short"
            + " (default: ${DEFAULT-VALUE})."})
        long minutes;

        @Override
        boolean changes() {
            return false;
        }

        @Override
        int run(Registry registry) throws IOException {
            List<String> removed = registry.clean(name, java.time.Duration.ofMinutes(minutes));
            if (json) {
                JsonOutput.print(out(), Map.of("model", name, "removed", removed));
            } else {
                out().println(removed.isEmpty() ? name + ": nothing to clean" : name + ": removed " + String.join(", ", removed));
            }
            return 0;
        }
    }

    @Command(name = "archive", mixinStandardHelpOptions = true,
            description = "Stop serving a version (its files stay); refused while a label points at it.")
    static final class Archive extends Sub {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION")
        long version;

        @Override
        boolean changes() {
            return true;
        }

        @Override
        int run(Registry registry) throws IOException {
            boolean archived = registry.archive(name, version);
            if (json) {
                JsonOutput.print(out(), Map.of("model", name, "version", version, "archived", archived));
            } else {
                out().printf(archived ? "%s: version %d is archived%n" : "%s: version %d was not served%n", name, version);
            }
            return 0;
        }
    }
}
