package me.adsby.workbench.engine.compare;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import me.adsby.workbench.engine.eval.Evaluator;
import me.adsby.workbench.engine.eval.MetricDifference;
import me.adsby.workbench.engine.eval.ModelComparison;
import me.adsby.workbench.engine.eval.PairedPredictions;
import me.adsby.workbench.engine.eval.PredictionColumns;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.engine.eval.PredictionsCsv;
import me.adsby.workbench.engine.run.RunDirectory;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.history.Evaluation;
import me.adsby.workbench.storage.history.MetricPoint;
import me.adsby.workbench.storage.history.MetricSeries;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunRecord;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Compares runs on their predictions: reads each run's predictions (validation, or its latest evaluation on
 * a dataset), computes every metric with a bootstrap interval, and pairs each run with the baseline example
 * by example (DeLong for the AUC, a paired bootstrap for the rest). A run whose examples are not the
 * baseline's is shown with its own intervals and no verdict, with the reason.
 */
public final class RunComparer {

    /** The epoch metrics the worker records. */
    public static final List<String> EPOCH_KEYS = List.of("train_loss", "val_loss", "val_auc", "val_accuracy",
            "examples_per_second");

    private final RunHistory history;
    private final BlobStores stores;

    public RunComparer(RunHistory history, BlobStores stores) {
        this.history = history;
        this.stores = stores;
    }

    public RunComparison compare(ComparisonRequest request, ProgressListener progress, Cancellation cancel)
            throws IOException {
        List<String> ids = request.runIds();
        Map<String, Map<String, List<MetricPoint>>> series = series(ids);
        Evaluator evaluator = new Evaluator(request.threshold(), Evaluator.defaults().maxCurvePoints());
        List<RunRecord> records = new ArrayList<>();
        List<Predictions> predictions = new ArrayList<>();
        int steps = 2 * ids.size();
        for (int i = 0; i < ids.size(); i++) {
            cancel.throwIfCancelled();
            progress.report(i, steps, "Reading the predictions of " + ids.get(i));
            RunRecord record = history.record(ids.get(i));
            records.add(record);
            predictions.add(read(record, request.source()));
        }
        requireCommonData(records, request.source());
        Predictions baseline = predictions.get(ids.indexOf(request.baselineId()));
        ModelComparison pairing = new ModelComparison(request.threshold(), request.bootstrap());
        List<ComparedRun> runs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            cancel.throwIfCancelled();
            progress.report(ids.size() + i, steps, "Intervals and differences of " + ids.get(i));
            RunRecord record = records.get(i);
            Predictions own = predictions.get(i);
            List<MetricDifference> differences = List.of();
            String unpaired = null;
            if (!ids.get(i).equals(request.baselineId())) {
                try {
                    differences = pairing.compare(PairedPredictions.match(baseline, own));
                } catch (IllegalArgumentException e) {
                    unpaired = e.getMessage();
                }
            }
            Map<String, List<MetricPoint>> ownSeries = series.getOrDefault(ids.get(i), Map.of());
            // The best epoch is the one the run recorded as its exported model's (by its selection metric); runs from
            // before it was recorded fall back to the highest validation AUC.
            Integer epoch = request.epoch() == EpochChoice.BEST && record.best().isPresent()
                    ? Integer.valueOf(record.best().get().epoch()) : chosenEpoch(ownSeries, request.epoch());
            runs.add(new ComparedRun(record.run(), record.params(), own, evaluator.evaluate(own),
                    request.bootstrap().intervals(own, request.threshold()), epoch, epochMetrics(ownSeries, epoch),
                    ownSeries, differences, unpaired));
        }
        progress.report(steps, steps, "Compared " + ids.size() + " runs");
        return new RunComparison(request, runs, differingParams(records));
    }

    /**
     * Refuses runs that cannot be compared: on their validation splits, runs of other datasets or labels; on an
     * evaluation dataset, runs of other labels. Runs recorded without the dataset or label are not held back.
     */
    static void requireCommonData(List<RunRecord> records, ComparisonSource source) {
        java.util.Map<String, List<String>> byData = new java.util.LinkedHashMap<>();
        for (RunRecord record : records) {
            String label = record.params().get("label");
            String dataset = record.params().get("dataset");
            if (label == null || source.isValidation() && dataset == null) {
                continue;
            }
            String data = (source.isValidation() ? dataset + ", " : "") + "label " + label;
            byData.computeIfAbsent(data, key -> new ArrayList<>()).add(record.run().id());
        }
        if (byData.size() > 1) {
            throw new IllegalArgumentException("These runs " + (source.isValidation() ? "trained on different data"
                    : "predict different labels") + " (" + byData.entrySet().stream().map(e -> String.join(", ", e.getValue())
                    + ": " + e.getKey()).collect(java.util.stream.Collectors.joining("; ")) + "), so their numbers are not"
                    + " comparable" + (source.isValidation() ? ": compare them on an evaluation dataset every one of them"
                    + " was scored on" : ""));
        }
    }

    private Predictions read(RunRecord record, ComparisonSource source) throws IOException {
        String id = record.run().id();
        RunDirectory directory = new RunDirectory(BlobUri.parse(record.run().runDirectory()));
        BlobUri uri;
        if (source.isValidation()) {
            uri = directory.eval().resolve("predictions.csv");
        } else {
            uri = record.evaluations().stream()
                    .filter(e -> source.datasetUri().equals(e.datasetUri()) && e.predictionsUri() != null)
                    .max(Comparator.comparing(Evaluation::created).thenComparing(Evaluation::id))
                    .map(e -> BlobUri.parse(e.predictionsUri()))
                    .orElseThrow(() -> new IllegalArgumentException("run " + id + " has no evaluation on "
                            + source.datasetUri() + ": score it first (workbench evaluate " + id + " --data "
                            + source.datasetUri() + ")"));
        }
        try {
            CsvSource csv = CsvSource.of(stores.forUri(uri), uri);
            return PredictionsCsv.read(csv, PredictionColumns.runDefaults().withSlices(sliceColumns(csv)));
        } catch (BlobNotFoundException e) {
            throw new IllegalArgumentException("run " + id + " (" + record.run().status() + ") has no predictions at " + uri
                    + (source.isValidation() ? ": only a run that finished training scores its validation split" : ""), e);
        }
    }

    /** The columns of a run's predictions beyond key, label and score: the categorical features, to slice by. */
    private static List<String> sliceColumns(CsvSource csv) throws IOException {
        try (Reader reader = new InputStreamReader(csv.open(), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<String> columns = new ArrayList<>(parser.getHeaderNames());
            columns.removeAll(List.of("key", "label", "score"));
            return columns;
        }
    }

    private Map<String, Map<String, List<MetricPoint>>> series(List<String> ids) {
        Map<String, Map<String, List<MetricPoint>>> byRun = new HashMap<>();
        for (MetricSeries one : history.series(ids, EPOCH_KEYS)) {
            byRun.computeIfAbsent(one.runId(), k -> new TreeMap<>()).put(one.key(), one.points());
        }
        return byRun;
    }

    /** The last epoch with a recorded val_auc, or the one with the highest (the first of equals). */
    static Integer chosenEpoch(Map<String, List<MetricPoint>> series, EpochChoice choice) {
        List<MetricPoint> auc = series.getOrDefault("val_auc", List.of());
        MetricPoint chosen = null;
        for (MetricPoint point : auc) {
            if (point.epoch() == null) {
                continue;
            }
            boolean better = chosen == null || (choice == EpochChoice.FINAL
                    ? point.epoch() > chosen.epoch()
                    : point.value() > chosen.value());
            if (better) {
                chosen = point;
            }
        }
        return chosen == null ? null : chosen.epoch();
    }

    private static Map<String, Double> epochMetrics(Map<String, List<MetricPoint>> series, Integer epoch) {
        Map<String, Double> values = new TreeMap<>();
        if (epoch == null) {
            return values;
        }
        series.forEach((key, points) -> points.stream().filter(p -> epoch.equals(p.epoch())).reduce((a, b) -> b)
                .ifPresent(p -> values.put(key, p.value())));
        return values;
    }

    private static Map<String, Map<String, String>> differingParams(List<RunRecord> records) {
        TreeSet<String> keys = new TreeSet<>();
        records.forEach(r -> keys.addAll(r.params().keySet()));
        Map<String, Map<String, String>> differing = new LinkedHashMap<>();
        for (String key : keys) {
            Map<String, String> values = new LinkedHashMap<>();
            records.forEach(r -> {
                String value = r.params().get(key);
                if (value != null) {
                    values.put(r.run().id(), value);
                }
            });
            if (values.size() < records.size() || values.values().stream().distinct().count() > 1) {
                differing.put(key, values);
            }
        }
        return differing;
    }
}
