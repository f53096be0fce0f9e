package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.adsby.workbench.engine.eval.Evaluation;
import me.adsby.workbench.engine.eval.Evaluator;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricValue;
import me.adsby.workbench.engine.eval.Metrics;
import me.adsby.workbench.engine.eval.PredictionColumns;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.engine.eval.PredictionsCsv;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.CsvSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code workbench metrics}: the metrics of a predictions CSV, optionally per value of a slice column. */
@Command(name = "metrics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Metrics of a predictions CSV (a label and a score per row): ROC AUC, PR AUC (average",
            "precision), log loss, Brier, accuracy, precision, recall and F1 at a threshold, and the expected",
            "calibration error; optionally per value of a categorical column. Undefined metrics print as n/a (null)."})
final class MetricsCommand implements Callable<Integer> {

    @Option(names = "--predictions", required = true, paramLabel = "CSV",
            description = "The predictions: gs://bucket/path.csv, an absolute path or a file: URI.")
    private String predictions;

    @Option(names = "--label-column", paramLabel = "C", defaultValue = "label",
            description = "The 0/1 label column (default: ${DEFAULT-VALUE}).")
    private String labelColumn;

    @Option(names = "--score-column", paramLabel = "S", defaultValue = "score",
            description = "The score column, probabilities in [0, 1] (default: ${DEFAULT-VALUE}).")
    private String scoreColumn;

    @Option(names = "--slice-column", paramLabel = "K", description = "Also every metric per value of this column.")
    private String sliceColumn;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "" + Metrics.DEFAULT_THRESHOLD,
            description = "Score >= T predicts 1, for accuracy, precision, recall, F1 (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @ParentCommand
    private WorkbenchCommand workbench;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new ParameterException(spec.commandLine(), "--threshold must be in [0, 1], was " + threshold);
        }
        BlobUri location = Uris.parse(spec, predictions);
        PredictionColumns columns = new PredictionColumns(labelColumn, scoreColumn, null,
                sliceColumn == null ? List.of() : List.of(sliceColumn));
        Predictions table;
        try (BlobStores stores = workbench.openStores()) {
            table = PredictionsCsv.read(CsvSource.of(stores.forUri(location), location), columns);
        }
        Evaluator evaluator = Evaluator.defaults().withThreshold(threshold);
        Evaluation all = evaluator.metricsOnly(table);
        Map<String, Evaluation> slices = new LinkedHashMap<>();
        if (sliceColumn != null) {
            table.bySlice(sliceColumn).forEach((value, slice) -> slices.put(value, evaluator.metricsOnly(slice)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = row(all);
            if (sliceColumn != null) {
                Map<String, Object> bySlice = new LinkedHashMap<>();
                slices.forEach((value, evaluation) -> bySlice.put(value, row(evaluation)));
                document.put("slices", bySlice);
            }
            JsonOutput.print(out, document);
        } else {
            printTable(out, all, slices);
        }
        return 0;
    }

    /** The JSON keys, in order; undefined metrics are null. */
    private static Map<String, Object> row(Evaluation evaluation) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("count", evaluation.count());
        row.put("positives", evaluation.positives());
        for (Metric metric : Metric.values()) {
            row.put(metric.key(), evaluation.metric(metric).orNull());
        }
        row.put("threshold", evaluation.threshold());
        return row;
    }

    private void printTable(PrintWriter out, Evaluation all, Map<String, Evaluation> slices) {
        List<String> header = new ArrayList<>(List.of(sliceColumn == null ? "" : sliceColumn, "count", "positives"));
        for (Metric metric : Metric.values()) {
            header.add(metric.key());
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        rows.add(cells("all", all));
        slices.forEach((value, evaluation) -> rows.add(cells(value, evaluation)));
        int[] widths = new int[header.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? cell + pad : "  " + pad + cell);  // names left, numbers right
            }
            out.println(line.toString().stripTrailing());
        }
        out.println("threshold " + all.threshold() + " (score >= threshold predicts 1); n/a: undefined");
        out.flush();
    }

    private static List<String> cells(String name, Evaluation evaluation) {
        List<String> cells = new ArrayList<>(List.of(name, Long.toString(evaluation.count()),
                Long.toString(evaluation.positives())));
        for (Metric metric : Metric.values()) {
            MetricValue value = evaluation.metric(metric);
            cells.add(value.isDefined() ? String.format(java.util.Locale.ROOT, "%.4f", value.value()) : "n/a");
        }
        return cells;
    }
}
