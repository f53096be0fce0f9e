package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import me.adsby.workbench.engine.input.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;

class ModelExportTest {

    private static final int SIDE = 16;
    private static final int BATCH = 64;

    @TempDir
    Path temp;

    @Test
    void theExportScoresLikeTheTrainerInThisJvmAndInAFreshOne() throws Exception {
        SyntheticData.Examples training = SyntheticData.generate(320, BATCH, 41, 1f, 1f, SIDE);
        Batch scored = SyntheticData.generate(200, 200, 42, 1f, 1f, SIDE).whole();
        ModelDefinition definition = definition(Recipe.MULTIMODAL, training);
        Path checkpoint = temp.resolve("ckpt/model");
        float[] expected;
        try (CtrTrainer trainer = CtrTrainer.create(definition, 2)) {
            training.batches().forEach(trainer::trainStep);
            trainer.save(checkpoint);
            expected = trainer.predict(scored);
            training.batches().forEach(trainer::trainStep);
        }
        Path model = temp.resolve("model/1");
        ModelExporter.export(definition, checkpoint, model);

        // The columns behind each input are saved beside the model, in the spec's order.
        assertThat(ModelFeatures.read(model)).contains(new ModelFeatures(1, List.of("x0", "x1"), List.of("c0", "c1"), "banner",
                SIDE, "letterbox-black-bilinear-halving-v1", "clicked"));
        try (ServingModel serving = ServingModel.load(model)) {
            assertThat(serving.inputNames()).containsExactlyInAnyOrder("numeric", "categorical", "image");
            assertThat(maxAbsDifference(serving.predict(scored), expected)).isLessThan(1e-6);
        }

        Path batchFile = temp.resolve("batch.bin");
        Path outFile = temp.resolve("scores.bin");
        BatchFiles.write(scored, batchFile);
        runFreshJvm(model, batchFile, outFile);
        assertThat(maxAbsDifference(BatchFiles.readFloats(outFile), expected)).isLessThan(1e-6);
    }

    @Test
    void theImageExportScoresWithTheMovingStatisticsAndWithoutAugmentation() throws Exception {
        SyntheticData.Examples training = SyntheticData.generate(320, BATCH, 46, 0f, 2f, SIDE);
        Batch scored = SyntheticData.generate(100, 100, 47, 0f, 2f, SIDE).whole();
        ModelDefinition definition = definition(Recipe.IMAGE, training);
        Path checkpoint = temp.resolve("image-ckpt/model");
        float[] expected;
        try (CtrTrainer trainer = CtrTrainer.create(definition, 2)) {
            training.batches().forEach(trainer::trainStep);
            trainer.save(checkpoint);
            expected = trainer.predict(scored);
        }
        Path model = temp.resolve("image-model");
        ModelExporter.export(definition, checkpoint, model);
        try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve")) {
            List<String> types = new ArrayList<>();
            bundle.graph().operations().forEachRemaining(op -> types.add(op.type()));
            assertThat(types).isNotEmpty().noneMatch(type -> type.startsWith("StatelessRandom") || type.startsWith("FusedBatchNorm"));
            try (Result result = bundle.session().runner().fetch("conv1_bn_moving_mean").run()) {
                assertThat(((TFloat32) result.get(0)).getFloat(0)).as("a moved moving mean").isNotZero();
            }
        }
        try (ServingModel serving = ServingModel.load(model)) {
            float[] first = serving.predict(scored);
            assertThat(serving.predict(scored)).containsExactly(first);
            assertThat(maxAbsDifference(first, expected)).isLessThan(1e-6);
        }
    }

    @Test
    void theSignatureIsServingDefaultWithOnlyTheRecipesInputs() throws Exception {
        SyntheticData.Examples training = SyntheticData.generate(64, BATCH, 43, 1f, 1f, SIDE);
        for (Recipe recipe : Recipe.values()) {
            Path model = exportAfterOneEpoch(definition(recipe, training), training, recipe.name());
            try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve")) {
                Signature signature = bundle.function("serving_default").signature();
                assertThat(signature.methodName()).isEqualTo("tensorflow/serving/predict");
                assertThat(signature.outputNames()).containsExactly("probability");
                assertThat(signature.getOutputs().get("probability").shape.asArray()).containsExactly(-1L, 1L);
                List<String> expectedInputs = recipe == Recipe.IMAGE ? List.of("image")
                        : recipe.usesImage() ? List.of("numeric", "categorical", "image") : List.of("numeric", "categorical");
                assertThat(signature.inputNames()).containsExactlyInAnyOrderElementsOf(expectedInputs);
                if (recipe.usesImage()) {
                    assertThat(signature.getInputs().get("image").shape.asArray()).containsExactly(-1L, SIDE, SIDE, 3L);
                }
                // The features file names columns for exactly the inputs the signature has.
                ModelFeatures features = ModelFeatures.read(model).orElseThrow();
                assertThat(features.image() != null).isEqualTo(recipe.usesImage());
                assertThat(features.numeric()).hasSize(recipe.usesTabular() ? 2 : 0);
                if (recipe.usesTabular()) {
                    assertThat(signature.getInputs().get("numeric").shape.asArray()).containsExactly(-1L, 2L);
                    assertThat(signature.getInputs().get("categorical").shape.asArray()).containsExactly(-1L, 2L);
                }
            }
        }
    }

    @Test
    void aModelWithAVocabularyExportsAndScoresEveryUnseenValueAsItsColumnsRareValue() throws Exception {
        SyntheticData.Examples training = SyntheticData.generate(320, BATCH, 46, 1f, 0f, 0);
        List<java.util.Map<String, Long>> counts = List.of(new java.util.HashMap<>(), new java.util.HashMap<>());
        for (Batch batch : training.batches()) {
            for (int i = 0; i < batch.categorical().length; i++) {
                counts.get(i % 2).merge(batch.categorical()[i], 1L, Long::sum);
            }
        }
        CategoryVocabulary vocabulary = CategoryVocabulary.of(counts, 2);
        ModelDefinition hashed = definition(Recipe.TABULAR, training);
        ModelDefinition definition = new ModelDefinition(hashed.recipe(), hashed.features(), hashed.hyperparameters(),
                hashed.numericStats(), hashed.labelPrior(), vocabulary);
        Batch scored = SyntheticData.generate(40, 40, 47, 1f, 0f, 0).whole();
        // The same examples with c0 replaced by two values training never saw.
        Batch unseenA = withFirstCategory(scored, "never-a");
        Batch unseenB = withFirstCategory(scored, "never-b");
        Path checkpoint = temp.resolve("vocabulary-ckpt/model");
        float[] expected;
        try (CtrTrainer trainer = CtrTrainer.create(definition, 2)) {
            for (int epoch = 0; epoch < 3; epoch++) {
                training.batches().forEach(trainer::trainStep);
            }
            trainer.save(checkpoint);
            expected = trainer.predict(scored);
        }
        Path model = temp.resolve("vocabulary-model");
        ModelExporter.export(definition, checkpoint, model);
        try (ServingModel serving = ServingModel.load(model)) {
            assertThat(maxAbsDifference(serving.predict(scored), expected)).isLessThan(1e-6);
            float[] a = serving.predict(unseenA);
            // Both unseen values read c0's one rare row, so they score alike; a frequent value scores otherwise.
            assertThat(maxAbsDifference(serving.predict(unseenB), a)).isZero();
            assertThat(maxAbsDifference(a, expected)).isGreaterThan(1e-3);
        }
    }

    @Test
    void aCalibratedExportAppliesItsPlattScalingToTheLogit() throws Exception {
        SyntheticData.Examples training = SyntheticData.generate(128, BATCH, 48, 1f, 0f, 0);
        ModelDefinition definition = definition(Recipe.LOGISTIC, training);
        Batch scored = SyntheticData.generate(50, 50, 49, 1f, 0f, 0).whole();
        Path checkpoint = temp.resolve("platt-ckpt/model");
        try (CtrTrainer trainer = CtrTrainer.create(definition, 2)) {
            training.batches().forEach(trainer::trainStep);
            trainer.save(checkpoint);
        }
        Path plain = temp.resolve("plain");
        Path calibrated = temp.resolve("calibrated");
        ModelExporter.export(definition, checkpoint, plain);
        PlattScaling platt = new PlattScaling(0.5, -0.25);
        ModelExporter.export(definition, checkpoint, calibrated, platt);
        try (ServingModel before = ServingModel.load(plain); ServingModel after = ServingModel.load(calibrated)) {
            float[] raw = before.predict(scored);
            float[] scaled = after.predict(scored);
            for (int i = 0; i < raw.length; i++) {
                double logit = Math.log(raw[i] / (1.0 - raw[i]));
                // By definition: sigmoid(a * logit + b).
                assertThat((double) scaled[i]).isCloseTo(1 / (1 + Math.exp(-(0.5 * logit - 0.25))),
                        org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }

    private static Batch withFirstCategory(Batch batch, String value) {
        String[] categorical = batch.categorical().clone();
        for (int i = 0; i < categorical.length; i += 2) {
            categorical[i] = value;
        }
        return new Batch(batch.size(), batch.numeric(), categorical, batch.pixels(), batch.labels(), batch.rows());
    }

    @Test
    void theExportIsSmallerThanATrainingSessionCheckpoint() throws Exception {
        SyntheticData.Examples training = SyntheticData.generate(64, BATCH, 44, 1f, 1f, SIDE);
        ModelDefinition definition = definition(Recipe.MULTIMODAL, training);
        Path checkpoint = temp.resolve("ckpt/model");
        try (CtrTrainer trainer = CtrTrainer.create(definition, 2)) {
            training.batches().forEach(trainer::trainStep);
            trainer.save(checkpoint);
        }
        Path model = temp.resolve("model");
        ModelExporter.export(definition, checkpoint, model);
        long exported = sizeOf(model.resolve("variables"));
        long trainingState = sizeOf(checkpoint.getParent());
        assertThat(exported).isLessThan(trainingState / 2);
    }

    @Test
    void exportRefusesANonEmptyFolderAndAMissingCheckpoint() throws Exception {
        SyntheticData.Examples training = SyntheticData.generate(64, BATCH, 45, 1f, 0f, 0);
        ModelDefinition definition = definition(Recipe.TABULAR, training);
        assertThatThrownBy(() -> ModelExporter.export(definition, temp.resolve("none/model"), temp.resolve("m")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No checkpoint");
        Path model = exportAfterOneEpoch(definition, training, "first");
        Path checkpoint = temp.resolve("first-ckpt/model");
        assertThatThrownBy(() -> ModelExporter.export(definition, checkpoint, model))
                .isInstanceOf(IOException.class).hasMessageContaining("not empty");
        assertThatThrownBy(() -> ServingModel.load(temp.resolve("nothing")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("saved_model.pb");
    }

    private Path exportAfterOneEpoch(ModelDefinition definition, SyntheticData.Examples training, String name)
            throws IOException {
        Path checkpoint = temp.resolve(name + "-ckpt/model");
        try (CtrTrainer trainer = CtrTrainer.create(definition, 2)) {
            training.batches().forEach(trainer::trainStep);
            trainer.save(checkpoint);
        }
        Path model = temp.resolve(name);
        ModelExporter.export(definition, checkpoint, model);
        return model;
    }

    private static ModelDefinition definition(Recipe recipe, SyntheticData.Examples training) {
        return new ModelDefinition(recipe, SyntheticData.spec(recipe.usesImage(), SIDE),
                Hyperparameters.defaults(recipe).withImageSize(SIDE),
                NumericStats.of(training.batches(), SyntheticData.NUMERIC), LabelPrior.of(training.batches()));
    }

    private static void runFreshJvm(Path model, Path batchFile, Path outFile) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            command.add("-Dorg.bytedeco.javacpp.cachedir=" + cache);
        }
        command.add(ScoreInFreshJvm.class.getName());
        command.add(model.toString());
        command.add(batchFile.toString());
        command.add(outFile.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the fresh JVM finished").isTrue();
        assertThat(process.exitValue()).isZero();
    }

    private static double maxAbsDifference(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        return max;
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
