package me.adsby.workbench.engine.compare;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.adsby.workbench.engine.eval.ConfidenceInterval;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricDifference;
import me.adsby.workbench.engine.eval.MetricValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A comparison as a table a notebook reads as it is: one record per run and metric, every number in a column of
 * its own (the value and its 95% interval; against the baseline, the difference, its interval, the p-value, the
 * method and the verdict), empty where there is none. Threshold metrics carry their threshold and no verdict
 * ({@code not judged}); the predictions column names what was compared.
 */
public final class ComparisonCsv {

    public static final List<String> HEADER = List.of("metric", "run_id", "run_name", "baseline", "predictions",
            "threshold", "value", "lower", "upper", "difference", "difference_lower", "difference_upper", "p_value",
            "method", "verdict");

    private ComparisonCsv() {
    }

    public static String of(RunComparison comparison) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(HEADER);
            String baseline = comparison.request().baselineId();
            String predictions = comparison.request().source().describe();
            for (Metric metric : Metric.values()) {
                for (ComparedRun run : comparison.runs()) {
                    printer.printRecord(record(metric, run, run.id().equals(baseline), predictions,
                            comparison.request().threshold()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<String> record(Metric metric, ComparedRun run, boolean baseline, String predictions,
            double threshold) {
        List<String> record = new ArrayList<>(List.of(metric.key(), run.id(), run.name(), Boolean.toString(baseline),
                predictions, metric.thresholdFree() ? "" : number(threshold)));
        MetricValue value = run.evaluation().metric(metric);
        record.add(value.isDefined() ? number(value.value()) : "");
        bounds(record, run.intervals().get(metric));
        Optional<MetricDifference> difference = run.difference(metric);
        if (difference.isPresent() && difference.get().difference().isDefined()) {
            MetricDifference d = difference.get();
            record.add(number(d.difference().value()));
            bounds(record, d.interval());
            record.add(d.pValue().isPresent() ? number(d.pValue().getAsDouble()) : "");
            record.add(d.method());
            record.add(metric.thresholdFree() ? d.verdict().name().toLowerCase(Locale.ROOT) : "not judged");
        } else {
            record.addAll(List.of("", "", "", "", "", baseline ? "baseline" : run.unpairedReason() == null ? ""
                    : "not paired"));
        }
        return record;
    }

    private static void bounds(List<String> record, ConfidenceInterval interval) {
        boolean defined = interval != null && interval.isDefined();
        record.add(defined ? number(interval.lower()) : "");
        record.add(defined ? number(interval.upper()) : "");
    }

    private static String number(double value) {
        return Double.toString(value);
    }
}
