package me.adsby.workbench.engine.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.input.InputPipeline;
import me.adsby.workbench.engine.input.PreparedDataset;
import me.adsby.workbench.engine.input.Split;
import me.adsby.workbench.engine.input.SplitSettings;
import me.adsby.workbench.engine.model.ServingModel;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.WriteCondition;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Scores a run's exported model on every row of a dataset and writes the predictions beside the run, in
 * {@code eval/evaluations/<name>/predictions.csv}, in the layout of the run's validation predictions (key =
 * row number in the file, label, score, the categorical columns for slicing). The dataset is read by the
 * column names the model was trained on ({@link RunFeatures}), through the same input pipeline and cache as
 * training, so an image is resized exactly as it was for training.
 */
public final class RunScorer {

    private static final int BATCH = 256;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * What scoring wrote.
     *
     * @param predictions the predictions table
     * @param examples    rows scored
     * @param badRows     rows skipped as bad input (within the allowed number)
     */
    public record Scored(BlobUri predictions, long examples, long badRows) {
    }

    private final BlobStores stores;
    private final Path cacheFolder;
    private final Clock clock;

    /** @param cacheFolder the Workbench home's cache: prepared examples, and copies of remote models */
    public RunScorer(BlobStores stores, Path cacheFolder, Clock clock) {
        this.stores = stores;
        this.cacheFolder = cacheFolder;
        this.clock = clock;
    }

    /**
     * Scores the run's model on the dataset.
     *
     * @param maxBadRows bad rows to skip and count before scoring fails
     * @throws IllegalArgumentException when the run has no model or the dataset lacks a column the model reads
     */
    public Scored score(RunDirectory directory, BlobUri dataset, int maxBadRows, ProgressListener progress,
                        Cancellation cancel) throws IOException {
        BlobStore store = stores.forUri(directory.root());
        // A run directory is named after its run.
        String runId = directory.root().name();
        FeatureSpec features = RunFeatures.read(store, directory).orElseThrow(() -> new IllegalArgumentException(
                "run " + runId + " has no features.json: it never got past preparing its data, so it has no model"));
        Path model = localModel(store, directory, runId);
        BlobUri target = target(directory, dataset);
        return scoreModel(model, features, dataset, target, maxBadRows, progress, cancel);
    }

    /**
     * Scores a local SavedModel that reads {@code features} on every row of the dataset, and writes the
     * predictions to {@code target}.
     */
    public Scored scoreModel(Path model, FeatureSpec features, BlobUri dataset, BlobUri target, int maxBadRows,
                             ProgressListener progress, Cancellation cancel) throws IOException {
        // No validation share: every row lands in the "training" split, read once; rows keep their numbers.
        return scoreModel(model, features, dataset, SplitSettings.allTraining(), target, maxBadRows, progress, cancel);
    }

    /**
     * Scores the rows of the dataset that {@code rows} prepares as training examples (all of them, or a run's
     * held-out test rows, {@link SplitSettings#heldOut()}), keeping their row numbers.
     */
    public Scored scoreModel(Path model, FeatureSpec features, BlobUri dataset, SplitSettings rows, BlobUri target,
                             int maxBadRows, ProgressListener progress, Cancellation cancel) throws IOException {
        Schema schema = Datasets.inferSchema(stores.forUri(dataset), dataset);
        requireColumns(schema, features, dataset);
        PreparedDataset data = new InputPipeline().prepare(stores, dataset, schema.withLabel(features.label()), features,
                rows, ErrorPolicy.stopAfter(maxBadRows + 1), cacheFolder.resolve("prepared"), progress, cancel);
        StringWriter csv = new StringWriter();
        List<String> header = new ArrayList<>(List.of("key", "label", "score"));
        header.addAll(features.categorical());
        int categoricals = features.categorical().size();
        long scored = 0;
        try (ServingModel serving = ServingModel.load(model);
             CSVPrinter printer = new CSVPrinter(csv, CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                     .setHeader(header.toArray(String[]::new)).get())) {
            for (Batch batch : TrainingWorker.iterable(data, Split.TRAIN, BATCH, 0)) {
                cancel.throwIfCancelled();
                float[] predicted = serving.predict(batch);
                for (int i = 0; i < batch.size(); i++) {
                    List<Object> row = new ArrayList<>(List.of(batch.rows()[i], (int) batch.labels()[i], predicted[i]));
                    for (int c = 0; c < categoricals; c++) {
                        row.add(batch.categorical()[i * categoricals + c]);
                    }
                    printer.printRecord(row);
                }
                scored += batch.size();
            }
        }
        stores.forUri(target).write(target, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "text/csv",
                WriteCondition.NONE);
        return new Scored(target, scored, data.badRows());
    }

    /** Where this scorer would put a run's predictions on a dataset now, in the run's {@code eval/evaluations/}. */
    public BlobUri target(RunDirectory directory, BlobUri dataset) {
        return directory.evaluations().resolve(name(dataset) + "/predictions.csv");
    }

    /** A folder name that sorts by time and tells datasets apart: {@code 20261126-101530-3fa4c2d1}. */
    private String name(BlobUri dataset) {
        return STAMP.format(clock.instant()) + "-" + HexFormat.of().toHexDigits(dataset.toString().hashCode());
    }

    private static void requireColumns(Schema schema, FeatureSpec features, BlobUri dataset) {
        List<String> needed = new ArrayList<>(features.numeric());
        needed.addAll(features.categorical());
        if (features.hasImage()) {
            needed.add(features.image());
        }
        needed.add(features.label());
        for (String column : needed) {
            if (schema.find(column).isEmpty()) {
                throw new IllegalArgumentException(dataset + ": the dataset has no column '" + column
                        + "', which the model reads; its columns are " + schema.names());
            }
        }
    }

    private Path localModel(BlobStore store, RunDirectory directory, String runId) throws IOException {
        Path model;
        if (directory.root().isGcs()) {
            RunFiles files = new RunFiles(store, cacheFolder.resolve("runs").resolve(runId));
            model = files.local(directory.model(), "model");
            files.download(directory.model(), model);
        } else {
            model = directory.model().toPath();
        }
        if (!Files.isRegularFile(model.resolve("saved_model.pb"))) {
            throw new IllegalArgumentException("run " + runId + " has no exported model (" + directory.model()
                    + " holds no saved_model.pb): only a run that finished training has one");
        }
        return model;
    }
}
