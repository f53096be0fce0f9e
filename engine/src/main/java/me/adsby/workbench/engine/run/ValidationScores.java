package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.input.PreparedDataset;
import me.adsby.workbench.engine.input.Split;
import me.adsby.workbench.engine.eval.Calibration;
import me.adsby.workbench.engine.eval.Evaluation;
import me.adsby.workbench.engine.eval.Evaluator;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricValue;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.engine.model.ServingModel;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.WriteCondition;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Scores the validation split with the exported model (as serving will) and writes {@code eval/predictions.csv}
 * (key, label, score, and the categorical columns for slicing) and {@code eval/metrics.json}.
 */
final class ValidationScores {

    private final BlobStore store;
    private final RunDirectory directory;
    private final PrintStream log;

    ValidationScores(BlobStore store, RunDirectory directory, PrintStream log) {
        this.store = store;
        this.directory = directory;
        this.log = log;
    }

    void write(Path model, PreparedDataset data, Split split, FeatureSpec features, int batchSize, EventWriter events)
            throws IOException {
        List<Float> scores = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        StringWriter csv = new StringWriter();
        List<String> header = new ArrayList<>(List.of("key", "label", "score"));
        header.addAll(features.categorical());
        int categoricals = features.categorical().size();
        try (ServingModel serving = ServingModel.load(model);
                CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                        .setHeader(header.toArray(String[]::new)).get())) {
            for (Batch batch : TrainingWorker.iterable(data, split, batchSize, 0)) {
                float[] predicted = serving.predict(batch);
                for (int i = 0; i < batch.size(); i++) {
                    List<Object> row = new ArrayList<>(List.of(batch.rows()[i], (int) batch.labels()[i], predicted[i]));
                    for (int c = 0; c < categoricals; c++) {
                        row.add(batch.categorical()[i * categoricals + c]);
                    }
                    printer.printRecord(row);
                    scores.add(predicted[i]);
                    labels.add(batch.labels()[i]);
                }
            }
        }
        store.write(directory.eval().resolve("predictions.csv"),
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "text/csv", WriteCondition.NONE);
        ObjectNode metrics = metrics(events, scores, labels);
        store.write(directory.eval().resolve("metrics.json"),
                new ByteArrayInputStream(RunSpec.MAPPER.writeValueAsBytes(metrics)), "application/json", WriteCondition.NONE);
        events.append(RunEvents.ARTIFACT, RunEvents.artifact(events, "predictions", directory.eval().resolve("predictions.csv")));
        events.append(RunEvents.ARTIFACT, RunEvents.artifact(events, "metrics", directory.eval().resolve("metrics.json")));
        log.println("Validation: " + metrics);
    }

    /** The eval package's metrics of the validation predictions; an undefined one is a JSON null. */
    private static ObjectNode metrics(EventWriter events, List<Float> scores, List<Float> labels) {
        double[] s = new double[scores.size()];
        boolean[] y = new boolean[labels.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores.get(i);
            y[i] = labels.get(i) > 0.5f;
        }
        Predictions predictions = Predictions.of(s, y);
        Evaluation evaluation = Evaluator.defaults().metricsOnly(predictions);
        ObjectNode json = events.data().put("count", evaluation.count()).put("positives", evaluation.positives());
        java.util.Map<String, MetricValue> values = new java.util.LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            values.put(metric.key(), evaluation.metric(metric));
        }
        values.putAll(Calibration.of(predictions).values());
        values.forEach((key, value) -> {
            if (value.isDefined()) {
                json.put(key, value.value());
            } else {
                json.putNull(key);
            }
        });
        return json.put("threshold", evaluation.threshold());
    }
}
