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
import me.adsby.workbench.engine.model.BinaryMetrics;
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

    /** Probabilities are clipped to [EPSILON, 1 - EPSILON] for the log loss. */
    static final double EPSILON = 1e-7;

    private final BlobStore store;
    private final RunDirectory directory;
    private final PrintStream log;

    ValidationScores(BlobStore store, RunDirectory directory, PrintStream log) {
        this.store = store;
        this.directory = directory;
        this.log = log;
    }

    void write(Path model, PreparedDataset data, FeatureSpec features, int batchSize, EventWriter events)
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
            for (Batch batch : TrainingWorker.iterable(data, Split.VALIDATION, batchSize, 0)) {
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

    private static ObjectNode metrics(EventWriter events, List<Float> scores, List<Float> labels) {
        float[] s = new float[scores.size()];
        float[] y = new float[labels.size()];
        double logLoss = 0;
        long positives = 0;
        for (int i = 0; i < s.length; i++) {
            s[i] = scores.get(i);
            y[i] = labels.get(i);
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, s[i]));
            logLoss -= y[i] > 0.5 ? Math.log(p) : Math.log(1 - p);
            positives += y[i] > 0.5 ? 1 : 0;
        }
        return events.data()
                .put("count", s.length)
                .put("positives", positives)
                .put("auc", BinaryMetrics.rocAuc(s, y))
                .put("accuracy", BinaryMetrics.accuracy(s, y))
                .put("log_loss", s.length == 0 ? Double.NaN : logLoss / s.length);
    }
}
