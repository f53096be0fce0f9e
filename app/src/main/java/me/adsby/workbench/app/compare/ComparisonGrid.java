package me.adsby.workbench.app.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import me.adsby.workbench.engine.compare.ComparedRun;
import me.adsby.workbench.engine.compare.RunComparer;
import me.adsby.workbench.engine.compare.RunComparison;
import me.adsby.workbench.engine.eval.ConfidenceInterval;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricDifference;
import me.adsby.workbench.engine.eval.MetricValue;
import me.adsby.workbench.engine.eval.Verdict;

/**
 * A comparison as a grid of text cells, for the Compare table and its CSV export: one column per run, one
 * row per metric (the model's metrics with intervals and differences to the baseline, then the chosen
 * epoch's recorded metrics, then the parameters that differ). The best value of a row is flagged, and each
 * difference carries its verdict. {@link #transposed()} swaps rows and columns.
 *
 * @param corner  the header of the first column
 * @param columns the other columns' headers
 * @param rows    the rows
 */
record ComparisonGrid(String corner, List<String> columns, List<Row> rows) {

    /** A row: its label and a cell per column. */
    record Row(String label, List<Cell> cells) {
    }

    /**
     * A cell.
     *
     * @param text    what it shows (a second line for the difference to the baseline)
     * @param best    whether it holds the row's best value
     * @param verdict the difference's verdict, or null where there is none
     */
    record Cell(String text, boolean best, Verdict verdict) {
        static final Cell EMPTY = new Cell("", false, null);
    }

    static ComparisonGrid of(RunComparison comparison, boolean differencesOnly) {
        List<ComparedRun> runs = comparison.runs();
        Map<String, String> names = RunNames.of(runs);
        List<String> columns = runs.stream().map(run -> names.get(run.id())
                + (run.id().equals(comparison.request().baselineId()) ? " (baseline)" : "")).toList();
        List<Row> rows = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            boolean differs = metric.thresholdFree() && runs.stream().anyMatch(run -> run.difference(metric)
                    .map(d -> d.verdict() != Verdict.TIE).orElse(false));
            if (!differencesOnly || differs) {
                rows.add(metricRow(metric, runs, comparison.request().threshold()));
            }
        }
        if (!differencesOnly) {
            rows.add(new Row("epoch (" + comparison.request().epoch().name().toLowerCase(Locale.ROOT) + ")",
                    runs.stream().map(run -> new Cell(run.epoch() == null ? "n/a" : run.epoch().toString(), false, null))
                            .toList()));
            for (String key : RunComparer.EPOCH_KEYS) {
                rows.add(epochRow(key, runs));
            }
        }
        comparison.differingParams().forEach((key, values) -> rows.add(new Row("param " + key,
                runs.stream().map(run -> new Cell(values.getOrDefault(run.id(), "(none)"), false, null)).toList())));
        return new ComparisonGrid("metric", columns, rows);
    }

    /**
     * A metric's row: each run's value and interval, and its difference to the baseline with the verdict. A
     * threshold metric (accuracy, precision, recall, F1) says its threshold and gets neither a verdict nor a best
     * mark: at 0.5 on a 10% click rate, predicting no click at all wins on accuracy.
     */
    private static Row metricRow(Metric metric, List<ComparedRun> runs, double threshold) {
        Optional<Double> best = !metric.thresholdFree() ? Optional.empty() : runs.stream()
                .map(run -> run.evaluation().metric(metric)).filter(MetricValue::isDefined)
                .map(MetricValue::value).reduce(metric.higherIsBetter() ? Math::max : Math::min);
        List<Cell> cells = new ArrayList<>();
        for (ComparedRun run : runs) {
            MetricValue value = run.evaluation().metric(metric);
            StringBuilder text = new StringBuilder(value.isDefined() ? number(value.value()) : "n/a");
            ConfidenceInterval interval = run.intervals().get(metric);
            if (interval != null && interval.isDefined()) {
                text.append(" [").append(number(interval.lower())).append(", ").append(number(interval.upper())).append(']');
            }
            Optional<MetricDifference> difference = run.difference(metric);
            Verdict verdict = null;
            if (difference.isPresent() && difference.get().difference().isDefined()) {
                MetricDifference d = difference.get();
                text.append('\n').append(signed(d.difference().value()));
                if (d.interval() != null && d.interval().isDefined()) {
                    text.append(" [").append(signed(d.interval().lower())).append(", ")
                            .append(signed(d.interval().upper())).append(']');
                }
                d.pValue().ifPresent(p -> text.append(String.format(Locale.ROOT, " p=%.3g", p)));
                if (metric.thresholdFree()) {
                    verdict = d.verdict();
                    text.append(' ').append(verdict.name().toLowerCase(Locale.ROOT));
                } else {
                    text.append(" not judged");
                }
            } else if (run.unpairedReason() != null) {
                text.append("\nnot paired");
            }
            boolean isBest = best.isPresent() && value.isDefined() && value.value() == best.get();
            cells.add(new Cell(text.toString(), isBest, verdict));
        }
        return new Row(metric.thresholdFree() ? metric.key() : metric.key() + " @ " + threshold + " (not judged)", cells);
    }

    private static Row epochRow(String key, List<ComparedRun> runs) {
        boolean higherIsBetter = !key.endsWith("loss");
        Optional<Double> best = runs.stream().map(run -> run.epochMetrics().get(key)).filter(v -> v != null)
                .reduce(higherIsBetter ? Math::max : Math::min);
        List<Cell> cells = new ArrayList<>();
        for (ComparedRun run : runs) {
            Double value = run.epochMetrics().get(key);
            cells.add(new Cell(value == null ? "n/a" : number(value), best.isPresent() && best.get().equals(value), null));
        }
        return new Row(key, cells);
    }

    /** Rows become columns: one row per run, one column per metric. */
    ComparisonGrid transposed() {
        List<String> newColumns = rows.stream().map(Row::label).toList();
        List<Row> newRows = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            newRows.add(new Row(columns.get(c), rows.stream().map(row -> row.cells().get(column)).toList()));
        }
        return new ComparisonGrid("run", newColumns, newRows);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 1000 ? "%.1f" : "%.4f", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }
}
