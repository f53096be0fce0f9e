package me.adsby.workbench.engine.model;

import java.io.IOException;
import java.nio.file.Path;
import me.adsby.workbench.engine.input.Batch;

/**
 * A small multimodal model trained on {@link SyntheticData} and exported, for the registry and serving tests.
 * Its columns: numeric {@code x0, x1}, categorical {@code c0, c1}, image {@code banner} ({@value #SIDE} pixels),
 * label {@code clicked}.
 */
public final class ExportedModels {

    public static final int SIDE = 16;

    private ExportedModels() {
    }

    /** Trains one pass over 128 examples and exports the model into {@code folder}/model. */
    public static Path multimodal(Path folder) throws IOException {
        return multimodal(folder, SIDE);
    }

    /** As {@link #multimodal(Path)}, with images of {@code side} pixels. */
    public static Path multimodal(Path folder, int side) throws IOException {
        SyntheticData.Examples training = SyntheticData.generate(128, 64, 7, 1f, 1f, side);
        ModelDefinition definition = new ModelDefinition(Recipe.MULTIMODAL, SyntheticData.spec(true, side),
                Hyperparameters.defaults(Recipe.MULTIMODAL).withImageSize(side),
                NumericStats.of(training.batches(), SyntheticData.NUMERIC), LabelPrior.of(training.batches()));
        Path checkpoint = folder.resolve("ckpt/model");
        try (CtrTrainer trainer = CtrTrainer.create(definition, 2)) {
            training.batches().forEach(trainer::trainStep);
            trainer.save(checkpoint);
        }
        Path model = folder.resolve("model");
        ModelExporter.export(definition, checkpoint, model);
        return model;
    }

    /** Examples of the same kind, in one batch. */
    public static Batch examples(int count, long seed) {
        return SyntheticData.generate(count, count, seed, 1f, 1f, SIDE).whole();
    }
}
