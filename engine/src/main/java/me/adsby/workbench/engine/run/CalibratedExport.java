package me.adsby.workbench.engine.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.PreparedDataset;
import me.adsby.workbench.engine.input.Split;
import me.adsby.workbench.engine.model.ModelDefinition;
import me.adsby.workbench.engine.model.ModelExporter;
import me.adsby.workbench.engine.model.PlattScaling;
import me.adsby.workbench.engine.model.ServingModel;

/**
 * Exports a run's best checkpoint as its SavedModel, Platt-scaled when the run calibrates: the model is first
 * exported as it is into a scratch folder, scores the validation examples, and {@link PlattScaling#fit} on those
 * scores gives the slope and intercept that the final export applies inside the graph. The validation examples
 * then both chose the scaling and measure it, so only a test part says how well it calibrates unseen rows.
 */
final class CalibratedExport {

    private final Path scratch;
    private final PrintStream log;

    /** @param scratch a local folder the run owns, for the uncalibrated export */
    CalibratedExport(Path scratch, PrintStream log) {
        this.scratch = scratch;
        this.log = log;
    }

    /** Exports into {@code model}; returns the scaling applied ({@link PlattScaling#IDENTITY} without calibration). */
    PlattScaling export(ModelDefinition definition, Path checkpoint, Path model, boolean calibrate,
            PreparedDataset validation, Split split, int batchSize) throws IOException {
        if (!calibrate) {
            ModelExporter.export(definition, checkpoint, model);
            return PlattScaling.IDENTITY;
        }
        Path raw = scratch.resolve("uncalibrated-model");
        deleteTree(raw);
        ModelExporter.export(definition, checkpoint, raw);
        int count = (int) validation.size(split);
        float[] scores = new float[count];
        float[] labels = new float[count];
        int at = 0;
        try (ServingModel serving = ServingModel.load(raw)) {
            for (Batch batch : TrainingWorker.iterable(validation, split, batchSize, 0)) {
                float[] predicted = serving.predict(batch);
                System.arraycopy(predicted, 0, scores, at, batch.size());
                System.arraycopy(batch.labels(), 0, labels, at, batch.size());
                at += batch.size();
            }
        }
        PlattScaling platt = PlattScaling.fit(scores, labels);
        ModelExporter.export(definition, checkpoint, model, platt);
        deleteTree(raw);
        log.println(String.format(Locale.ROOT, "Calibrated on the %,d validation examples: probability = sigmoid(%.4f * logit"
                + " %+.4f) (Platt scaling).", count, platt.a(), platt.b()));
        return platt;
    }

    /** {@code platt} as the run's {@code calibration} param: {@code platt a=0.9132 b=-0.0411 on validation}. */
    static String describe(PlattScaling platt) {
        return String.format(Locale.ROOT, "platt a=%.6f b=%.6f on validation", platt.a(), platt.b());
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
