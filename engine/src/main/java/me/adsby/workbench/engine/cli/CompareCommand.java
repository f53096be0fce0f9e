package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.adsby.workbench.engine.compare.ComparedRun;
import me.adsby.workbench.engine.compare.ComparisonSummary;
import me.adsby.workbench.engine.compare.ComparisonRequest;
import me.adsby.workbench.engine.compare.ComparisonSource;
import me.adsby.workbench.engine.compare.EpochChoice;
import me.adsby.workbench.engine.compare.RunComparer;
import me.adsby.workbench.engine.compare.RunComparison;
import me.adsby.workbench.engine.eval.Bootstrap;
import me.adsby.workbench.engine.eval.ConfidenceInterval;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricDifference;
import me.adsby.workbench.engine.eval.MetricValue;
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
 * {@code workbench compare}: every metric of each run with a bootstrap 95% interval, and each run's difference
 * to the baseline with its interval (DeLong for the AUC, with a p-value; a paired bootstrap for the rest)
 * and a verdict that says better or worse only when the interval excludes 0.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare runs on the same examples: metrics with 95%% intervals, differences to a baseline,",
            "and better / tie / worse verdicts that noise cannot produce."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_ID", arity = "2..*", description = "Two or more runs.")
    private List<String> runIds;

    @Option(names = "--baseline", paramLabel = "RUN_ID", description = "The run the others are measured against"
            + " (default: the first).")
    private String baseline;

    @Option(names = "--on", paramLabel = "validation|DATASET", defaultValue = "validation",
            description = "The runs' validation predictions, or their latest evaluations on a dataset"
                    + " (workbench evaluate) (default: ${DEFAULT-VALUE}).")
    private String on;

    @Option(names = "--epoch", paramLabel = "best|final", defaultValue = "best",
            description = "Which epoch's recorded metrics to show beside the model's (default: ${DEFAULT-VALUE}).")
    private String epoch;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    private int resamples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seeds the bootstrap.")
    private long seed;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    private boolean json;

    @ParentCommand
    private WorkbenchCommand workbench;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EpochChoice chosenEpoch = switch (epoch.toLowerCase(Locale.ROOT)) {
            case "best" -> EpochChoice.BEST;
            case "final" -> EpochChoice.FINAL;
            default -> throw new ParameterException(spec.commandLine(), "--epoch must be best or final, not '" + epoch + "'");
        };
        if (resamples < 1) {
            throw new ParameterException(spec.commandLine(), "--resamples must be at least 1");
        }
        ComparisonSource source = on.equals("validation") ? ComparisonSource.VALIDATION
                : ComparisonSource.evaluation(Uris.parse(spec, on).toString());
        ComparisonRequest request;
        try {
            request = ComparisonRequest.of(runIds).withBaseline(baseline == null ? runIds.get(0) : baseline)
                    .withSource(source).withEpoch(chosenEpoch).withBootstrap(new Bootstrap(resamples, seed));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        RunComparison comparison;
        try (RunSession session = RunSession.open(workbench)) {
            comparison = new RunComparer(session.history(), session.stores()).compare(request,
                    json ? ProgressListener.NONE : new ConsoleProgress(spec.commandLine().getErr(), "Comparing"),
                    Cancellation.NEVER);
        }
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), document(comparison));
        } else {
            printTable(spec.commandLine().getOut(), comparison);
        }
        return 0;
    }

    private static Map<String, Object> document(RunComparison comparison) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("baseline", comparison.request().baselineId());
        document.put("on", comparison.request().source().describe());
        document.put("epoch", comparison.request().epoch().name().toLowerCase(Locale.ROOT));
        document.put("resamples", comparison.request().bootstrap().resamples());
        List<Map<String, Object>> runs = new ArrayList<>();
        for (ComparedRun run : comparison.runs()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", run.id());
            entry.put("name", run.name());
            entry.put("count", run.evaluation().count());
            entry.put("positives", run.evaluation().positives());
            entry.put("epoch", run.epoch());
            entry.put("epoch_metrics", run.epochMetrics());
            if (run.unpairedReason() != null) {
                entry.put("unpaired", run.unpairedReason());
            }
            runs.add(entry);
        }
        document.put("runs", runs);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            Map<String, Object> byRun = new LinkedHashMap<>();
            for (ComparedRun run : comparison.runs()) {
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("value", run.evaluation().metric(metric).orNull());
                cell.put("interval", interval(run.intervals().get(metric)));
                run.difference(metric).ifPresent(d -> {
                    cell.put("difference", d.difference().orNull());
                    cell.put("difference_interval", interval(d.interval()));
                    d.pValue().ifPresent(p -> cell.put("p_value", p));
                    cell.put("method", d.method());
                    cell.put("verdict", verdict(metric, d));
                });
                byRun.put(run.id(), cell);
            }
            metrics.put(metric.key(), byRun);
        }
        document.put("metrics", metrics);
        document.put("threshold", comparison.request().threshold());
        Map<String, String> summaries = new LinkedHashMap<>();
        for (ComparedRun run : comparison.runs()) {
            if (!run.id().equals(comparison.request().baselineId())) {
                summaries.put(run.id(), ComparisonSummary.of(run, comparison.baseline()));
            }
        }
        document.put("summary", summaries);
        document.put("differing_params", comparison.differingParams());
        return document;
    }

    /** better / tie / worse for the threshold-free metrics; threshold metrics are not judged. */
    private static String verdict(Metric metric, MetricDifference d) {
        return metric.thresholdFree() ? d.verdict().name().toLowerCase(Locale.ROOT) : "not judged";
    }

    private static List<Double> interval(ConfidenceInterval interval) {
        return interval == null || !interval.isDefined() ? null : List.of(interval.lower(), interval.upper());
    }

    private static void printTable(PrintWriter out, RunComparison comparison) {
        List<ComparedRun> runs = comparison.runs();
        out.printf("On %s; baseline %s; %d bootstrap resamples%n", comparison.request().source().describe(),
                comparison.request().baselineId(), comparison.request().bootstrap().resamples());
        for (Metric metric : Metric.values()) {
            out.println(metric.thresholdFree() ? metric.key() : String.format(Locale.ROOT,
                    "%s at threshold %s (not judged: one threshold's decisions, not the scores)", metric.key(),
                    comparison.request().threshold()));
            for (ComparedRun run : runs) {
                MetricValue value = run.evaluation().metric(metric);
                ConfidenceInterval ci = run.intervals().get(metric);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s %s", run.id(),
                        value.isDefined() ? String.format(Locale.ROOT, "%.4f", value.value()) : "   n/a"));
                if (ci != null && ci.isDefined()) {
                    line.append(String.format(Locale.ROOT, " [%.4f, %.4f]", ci.lower(), ci.upper()));
                }
                if (run.id().equals(comparison.request().baselineId())) {
                    line.append("  baseline");
                } else if (run.difference(metric).isPresent()) {
                    MetricDifference d = run.difference(metric).get();
                    if (d.difference().isDefined() && d.interval() != null && d.interval().isDefined()) {
                        line.append(String.format(Locale.ROOT, "  %+.4f [%+.4f, %+.4f]", d.difference().value(),
                                d.interval().lower(), d.interval().upper()));
                    }
                    d.pValue().ifPresent(p -> line.append(String.format(Locale.ROOT, " p=%.3g", p)));
                    line.append("  ").append(verdict(metric, d));
                } else if (run.unpairedReason() != null) {
                    line.append("  not paired");
                }
                out.println(line);
            }
        }
        for (ComparedRun run : runs) {
            if (!run.id().equals(comparison.request().baselineId())) {
                out.println(ComparisonSummary.of(run, comparison.baseline()));
            }
        }
        if (!comparison.differingParams().isEmpty()) {
            out.println("Parameters that differ:");
            comparison.differingParams().forEach((key, values) -> out.println("  " + key + ": " + values));
        }
        out.flush();
    }
}
