package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.adsby.workbench.engine.eval.Bootstrap;
import me.adsby.workbench.engine.publish.GateCheck;
import me.adsby.workbench.engine.publish.EvaluationRowsUnavailableException;
import me.adsby.workbench.engine.publish.GateFailedException;
import me.adsby.workbench.engine.publish.GateReport;
import me.adsby.workbench.engine.publish.GateThresholds;
import me.adsby.workbench.engine.publish.PublishRequest;
import me.adsby.workbench.engine.publish.PublishResult;
import me.adsby.workbench.engine.publish.Publisher;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code workbench publish}: a run's model to the serving registry, behind the validation gate. Prints the
 * gate's report; exits 1 without writing anything when the gate fails and no override reason was given.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Publish a run's model to the serving registry behind the validation gate: the candidate and",
            "the production version are scored on the same examples, and each threshold must pass (a change",
            "threshold fails when the whole 95%% interval of the change is beyond its tolerance) unless overridden",
            "with a written reason."})
final class PublishCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_ID", description = "The run whose model to publish.")
    private String runId;

    @Option(names = "--model-name", required = true, paramLabel = "NAME",
            description = "The registry model: letters, digits, - and _.")
    private String modelName;

    @Option(names = "--registry", paramLabel = "URI", description = "A folder or gs:// prefix. Default: <home>/registry.")
    private String registry;

    @Option(names = "--label", paramLabel = "production|staging", description = "Point this label at the new version.")
    private String label;

    @Option(names = "--override-reason", paramLabel = "TEXT",
            description = "Publish even if the gate fails; the reason goes to the audit log.")
    private String overrideReason;

    @Option(names = "--eval-data", paramLabel = "URI", description = "A dataset to judge both models on, every"
            + " row (default: exactly the rows production was judged on; for a first version, the run's validation rows).")
    private String evalData;

    @Option(names = "--serving-url", paramLabel = "URL", description = {"The TF Serving REST endpoint that reads the"
        + " registry: the label moves once it reports the new version AVAILABLE. Default: wait out the registry's config"
        + " poll interval (registry settings) after serving the version."})
    private java.net.URI servingUrl;

    @Option(names = "--require", paramLabel = "METRIC>=X|METRIC<=X", description = "A value threshold (repeatable;"
            + " replaces the default auc>=0.6).")
    private List<String> requirements = new ArrayList<>();

    @Option(names = "--max-change", paramLabel = "METRIC=TOLERANCE", description = "A change threshold against"
            + " production (repeatable; replaces the defaults auc=0.005 and log_loss=0.005).")
    private List<String> changes = new ArrayList<>();

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    private int resamples;

    @Option(names = "--max-bad-rows", paramLabel = "N", defaultValue = "0",
            description = "Bad rows of the evaluation data to skip (default: ${DEFAULT-VALUE}).")
    private int maxBadRows;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @ParentCommand
    private WorkbenchCommand workbench;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        GateThresholds thresholds;
        try {
            GateThresholds defaults = GateThresholds.defaults();
            thresholds = new GateThresholds(
                    requirements.isEmpty() ? defaults.values() : requirements.stream().map(GateThresholds::parseValue).toList(),
                    changes.isEmpty() ? defaults.changes() : changes.stream().map(GateThresholds::parseChange).toList());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (resamples < 1 || maxBadRows < 0) {
            throw new ParameterException(spec.commandLine(), "--resamples must be at least 1 and --max-bad-rows at least 0");
        }
        if (label != null && !label.equals("production") && !label.equals("staging")) {
            throw new ParameterException(spec.commandLine(), "--label must be production or staging, not '" + label + "'");
        }
        if (overrideReason != null && overrideReason.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--override-reason needs a written reason");
        }
        BlobUri evaluation = evalData == null ? null : Uris.parse(spec, evalData);
        BlobUri chosenRegistry = registry == null ? null : Uris.parse(spec, registry);
        PrintWriter out = spec.commandLine().getOut();
        try (RunSession session = RunSession.open(workbench)) {
            BlobUri root = chosenRegistry == null ? BlobUri.local(session.home().registry()) : chosenRegistry;
            PublishRequest request = new PublishRequest(runId, modelName, root, label, overrideReason, evaluation, thresholds,
                    new Bootstrap(resamples, 42L), maxBadRows, servingUrl);
            ProgressListener progress = json ? ProgressListener.NONE : new ConsoleProgress(spec.commandLine().getErr(), "Publishing");
            PublishResult result;
            try {
                result = new Publisher(session.history(), session.stores(), session.home().cache(), Clock.systemUTC())
                        .publish(request, progress, Cancellation.NEVER);
            } catch (GateFailedException e) {
                print(out, null, e.report(), false);
                return WorkbenchCli.EXIT_FAILURE;
            } catch (EvaluationRowsUnavailableException e) {
                spec.commandLine().getErr().println("workbench: " + e.getMessage() + ": --eval-data URI");
                return WorkbenchCli.EXIT_FAILURE;
            }
            print(out, result, result.report(), result.overridden());
            return 0;
        }
    }

    private void print(PrintWriter out, PublishResult result, GateReport report, boolean overridden) {
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("published", result != null);
            if (result != null) {
                document.put("model", result.model());
                document.put("version", result.version());
                document.put("label", result.label());
                document.put("overridden", overridden);
            }
            Map<String, Object> gate = new LinkedHashMap<>();
            gate.put("passed", report.passed());
            gate.put("evaluated_on", report.evaluatedOn());
            gate.put("examples", report.examples());
            gate.put("production_version", report.productionVersion());
            List<Map<String, Object>> checks = new ArrayList<>();
            for (GateCheck check : report.checks()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("threshold", check.threshold());
                entry.put("values", check.values());
                entry.put("passed", check.passed());
                entry.put("reason", check.reason());
                checks.add(entry);
            }
            gate.put("checks", checks);
            document.put("gate", gate);
            JsonOutput.print(out, document);
            return;
        }
        out.print(report.toText());
        if (result == null) {
            out.println("Nothing was published. To publish anyway, give --override-reason with why.");
        } else {
            out.println("Published " + result.model() + " version " + result.version()
                    + (result.label() == null ? "" : ", labelled " + result.label())
                    + (overridden ? " (gate overridden: " + overrideReason + ")" : "") + ".");
        }
        out.flush();
    }
}
