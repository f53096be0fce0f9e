package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import me.adsby.workbench.engine.eval.Calibration;
import me.adsby.workbench.engine.eval.Evaluation;
import me.adsby.workbench.engine.eval.Evaluator;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricValue;
import me.adsby.workbench.engine.eval.PredictionColumns;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.engine.eval.PredictionsCsv;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.input.SplitSettings;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.WriteCondition;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Scores the exported model once on the run's held-out test file or test rows, after training: the test rows never chose an
 * epoch or a threshold, so these are the run's unbiased numbers. Writes {@code eval/test/predictions.csv} and
 * {@code eval/test/metrics.json}, and a {@link RunEvents#TEST} event that the history records as an evaluation
 * of the run on that file.
 */
final class TestScores {

    private final BlobStores stores;
    private final Path cacheFolder;
    private final Clock clock;
    private final PrintStream log;

    TestScores(BlobStores stores, Path cacheFolder, Clock clock, PrintStream log) {
        this.stores = stores;
        this.cacheFolder = cacheFolder;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Scores the rows of {@code testData} that {@code rows} prepares (a whole test file, or a dataset's held-out
     * test rows) and records them under {@code name} (the file's URI, or {@link SplitPlan#heldOutName}).
     */
    void write(Path model, FeatureSpec features, RunDirectory directory, BlobUri testData, SplitSettings rows, String name,
            long maxBadRows, EventWriter events, ProgressListener progress, Cancellation cancel) throws IOException {
        BlobStore store = stores.forUri(directory.root());
        BlobUri predictionsUri = directory.eval().resolve("test/predictions.csv");
        RunScorer.Scored scored = new RunScorer(stores, cacheFolder, clock).scoreModel(model, features, testData, rows,
                predictionsUri, (int) Math.min(Integer.MAX_VALUE - 1, maxBadRows), progress, cancel);
        Predictions predictions = PredictionsCsv.read(CsvSource.of(store, predictionsUri), PredictionColumns.runDefaults());
        Evaluation evaluation = Evaluator.defaults().metricsOnly(predictions);
        ObjectNode metrics = events.data();
        metrics.put("count", evaluation.count());
        metrics.put("positives", evaluation.positives());
        java.util.Map<String, MetricValue> values = new java.util.LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            values.put(metric.key(), evaluation.metric(metric));
        }
        values.putAll(Calibration.of(predictions).values());
        // Only defined values: the history keeps a metric as a number, and an undefined one is absent there.
        values.forEach((key, value) -> value.asOptional().ifPresent(number -> metrics.put(key, number)));
        store.write(directory.eval().resolve("test/metrics.json"),
                new ByteArrayInputStream(RunSpec.MAPPER.writeValueAsBytes(metrics)), "application/json", WriteCondition.NONE);
        ObjectNode event = events.data().put("dataset", name).put("predictions", predictionsUri.toString())
                .put("bad_rows", scored.badRows());
        event.set("metrics", metrics);
        events.append(RunEvents.TEST, event);
        log.println("Test (" + name + ", " + scored.examples() + " rows, scored once with the exported model): " + metrics);
    }
}
