package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.adsby.workbench.engine.compare.GroupSpread;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunPage;
import me.adsby.workbench.storage.history.RunQuery;
import me.adsby.workbench.storage.history.RunRecord;
import me.adsby.workbench.storage.history.RunRow;
import me.adsby.workbench.storage.history.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code workbench runs list | show | cancel | resume | delete | group}. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, show, cancel, resume and delete runs, and show groups.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Cancel.class,
            RunsCommand.Resume.class, RunsCommand.Delete.class, RunsCommand.Group.class})
final class RunsCommand implements Runnable {

    @ParentCommand
    private WorkbenchCommand workbench;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Say what to do: list, show, cancel, resume, delete or group");
    }

    /** What the subcommands share. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        RunsCommand runs;

        @Spec
        CommandSpec spec;

        RunSession open() throws java.io.IOException {
            return RunSession.open(runs.workbench);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The runs, newest first.")
    static final class ListRuns extends Sub {
        @Option(names = "--experiment", paramLabel = "NAME", description = "Only this experiment's runs.")
        String experiment;

        @Option(names = "--status", paramLabel = "STATUS", split = ",", description = "Only runs in these states.")
        Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N runs (default: 50).")
        int limit;

        @Option(names = "--json", description = "Print the runs as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (RunSession session = open()) {
                RunQuery query = RunQuery.firstPage(Math.min(limit, RunQuery.MAX_LIMIT)).withExperiment(experiment);
                if (!statuses.isEmpty()) {
                    query = query.withStatuses(statuses);
                }
                RunPage page = session.history().runs(query);
                if (json) {
                    JsonOutput.print(out(), Map.of("total", page.total(), "runs", page.rows().stream().map(JsonRows.ROW).toList()));
                    return 0;
                }
                // The metrics shown are the best epoch's: the exported model's.
                out().printf("%-24s %-10s %-12s %-11s %5s %8s %8s  %s%n", "id", "status", "experiment", "recipe", "best",
                        "val_loss", "val_auc", "name");
                for (RunRow row : page.rows()) {
                    Run run = row.run();
                    Map<String, Double> best = row.best().map(b -> b.metrics()).orElse(Map.of());
                    out().printf(Locale.ROOT, "%-24s %-10s %-12s %-11s %5s %8s %8s  %s%n", run.id(), run.status(),
                            run.experiment(), run.recipe(), row.best().map(b -> Integer.toString(b.epoch())).orElse(""),
                            fourDigits(best.get("val_loss")), fourDigits(best.get("val_auc")), run.name());
                }
                out().printf("%d of %d runs%n", page.rows().size(), page.total());
                return 0;
            }
        }
    }

    @Command(name = "group", mixinStandardHelpOptions = true, description = {"A group's runs (train --repeats or --folds)"
        + " and each metric's mean, sd and 95%% interval across them."})
    static final class Group extends Sub {
        @Parameters(paramLabel = "GROUP_ID")
        String group;

        @Option(names = "--json", description = "Print the group as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (RunSession session = open()) {
                List<String> ids = session.history().runsWithParam(GroupSpread.GROUP, group);
                if (ids.isEmpty()) {
                    spec.commandLine().getErr().println("workbench: no run is in group " + group);
                    return WorkbenchCli.EXIT_FAILURE;
                }
                List<RunRecord> records = new java.util.ArrayList<>();
                for (String id : ids) {
                    session.manager().ingest(id);
                    records.add(session.history().record(id));
                }
                records = GroupSpread.inMemberOrder(records);
                String member = records.get(0).params().getOrDefault(GroupSpread.MEMBER, "run");
                new TrainGroup(session.history(), session.manager(), out(), spec.commandLine().getErr())
                        .report(group, member.split(" ")[0], records, json);
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One run: params, provenance, metrics, artifacts.")
    static final class Show extends Sub {
        @Parameters(paramLabel = "RUN_ID")
        String runId;

        @Option(names = "--json", description = "Print the run as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (RunSession session = open()) {
                session.manager().ingest(runId);
                RunRecord record = session.history().record(runId);
                if (json) {
                    JsonOutput.print(out(), JsonOutput.merged(record, RunSummary.of(record)));
                    return 0;
                }
                Run run = record.run();
                out().printf("%s  %s  (%s)%n", run.id(), run.name(), run.status());
                out().printf("experiment %s, recipe %s, target %s%n", run.experiment(), run.recipe(), run.target().id());
                out().printf("created %s%s%n", run.created(), run.started() == null ? ""
                        : ", ran " + Duration.between(run.started(), run.finished() != null ? run.finished()
                                : java.time.Instant.now()).toSeconds() + " s");
                out().println("run directory " + run.runDirectory());
                if (run.error() != null) {
                    out().println("error: " + run.error());
                }
                out().println("params:");
                record.params().forEach((k, v) -> out().printf("  %-20s %s%n", k, v));
                record.provenance().ifPresent(p -> out().printf("provenance: %s (%s), seed %s, %s, %s%n", p.datasetUri(),
                        p.contentHash(), p.seed(), p.tensorflowVersion(), p.host()));
                record.best().ifPresent(best -> {
                    out().printf("best epoch %d (the exported model), by validation %s:%n", best.epoch(),
                            record.params().getOrDefault("select_by", "auc"));
                    best.metrics().forEach((k, v) -> out().printf(Locale.ROOT, "  %-20s %.6g%n", k, v));
                });
                out().println("last epoch:");
                record.finalMetrics().forEach((k, v) -> out().printf(Locale.ROOT, "  %-20s %.6g%n", k, v));
                RunSummary.testEvaluation(record).ifPresent(test -> {
                    out().println("test (" + test.datasetUri() + ", scored once with the exported model):");
                    test.metrics().forEach((k, v) -> out().printf(Locale.ROOT, "  %-20s %.6g%n", k, v));
                });
                record.artifacts().forEach(a -> out().printf("artifact %-12s %s%n", a.kind(), a.uri()));
                return 0;
            }
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Stop a queued or running run.")
    static final class Cancel extends Sub {
        @Parameters(paramLabel = "RUN_ID")
        String runId;

        @Override
        public Integer call() throws Exception {
            try (RunSession session = open()) {
                session.manager().cancel(runId);
                out().println("Asked " + runId + " to stop; it stops at its next batch.");
                return 0;
            }
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = {"Go on with a failed, interrupted or"
        + " cancelled run from its last checkpoint, and wait for it (or --detach)."})
    static final class Resume extends Sub {
        @Parameters(paramLabel = "RUN_ID")
        String runId;

        @Option(names = "--detach", description = "Return once the run is queued again; its worker goes on alone.")
        boolean detach;

        @Override
        public Integer call() throws Exception {
            try (RunSession session = open()) {
                RunStatus before = session.history().run(runId).status();
                if (!before.canMoveTo(RunStatus.QUEUED)) {
                    spec.commandLine().getErr().println("workbench: run " + runId + " is " + before + "; only a failed,"
                            + " interrupted or cancelled run can be resumed");
                    return WorkbenchCli.EXIT_FAILURE;
                }
                session.manager().start();
                session.manager().resume(runId);
                out().println("Resumed " + runId + " (it was " + before + ") from its last checkpoint.");
                if (detach) {
                    return 0;
                }
                RunRecord finished = new RunWatch(session.history(), session.manager(), spec.commandLine().getErr())
                        .waitUntilStopped(runId);
                out().println(runId + ": " + finished.run().status()
                        + (finished.run().error() == null ? "" : ": " + finished.run().error()));
                return switch (finished.run().status()) {
                    case SUCCEEDED -> 0;
                    case CANCELLED -> WorkbenchCli.EXIT_CANCELLED;
                    default -> WorkbenchCli.EXIT_FAILURE;
                };
            }
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a stopped run and its files.")
    static final class Delete extends Sub {
        @Parameters(paramLabel = "RUN_ID")
        String runId;

        @Override
        public Integer call() throws Exception {
            try (RunSession session = open()) {
                session.manager().delete(runId);
                out().println("Deleted " + runId + " and its run directory.");
                return 0;
            }
        }
    }

    private static String fourDigits(Double value) {
        return value == null || value.isNaN() ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** JSON shapes of rows. */
    static final class JsonRows {
        static final java.util.function.Function<RunRow, Map<String, Object>> ROW = row -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", row.run().id());
            json.put("name", row.run().name());
            json.put("experiment", row.run().experiment());
            json.put("status", row.run().status().name());
            json.put("recipe", row.run().recipe());
            json.put("created", row.run().created().toString());
            json.put("params", row.params());
            json.put("best_epoch", row.best().map(best -> (Object) best.epoch()).orElse(null));
            json.put("best_metrics", row.best().map(best -> (Object) best.metrics()).orElse(Map.of()));
            json.put("final_metrics", row.finalMetrics());
            return json;
        };

        private JsonRows() {
        }
    }
}
