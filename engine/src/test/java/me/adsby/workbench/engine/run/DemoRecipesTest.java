package me.adsby.workbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import me.adsby.workbench.engine.demo.DemoDatasetGenerator;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.input.InputPipeline;
import me.adsby.workbench.engine.input.PreparedDataset;
import me.adsby.workbench.engine.input.Split;
import me.adsby.workbench.engine.input.SplitSettings;
import me.adsby.workbench.engine.model.CtrTrainer;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.LabelPrior;
import me.adsby.workbench.engine.model.ModelDefinition;
import me.adsby.workbench.engine.model.NumericStats;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.train.TrainingListener;
import me.adsby.workbench.engine.train.TrainingLoop;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recipes on the demo dataset, through the whole input pipeline (PNG banners, letterboxed to 32 pixels).
 * The demo's clicks depend on the call-to-action's contrast and size, which only the banner shows (the
 * demo's README: with seed 42 the true logit's AUC is about 0.81 with the visual terms and 0.70 without), so
 * the multimodal recipe must beat the tabular one by a clear margin.
 */
class DemoRecipesTest {

    private static final int ROWS = 3_000;
    private static final int SIDE = 32;
    private static final int EPOCHS = 10;

    @TempDir
    static Path temp;

    private static Schema schema;
    private static BlobUri csv;

    @BeforeAll
    static void writeDemo() throws IOException {
        Path data = temp.resolve("demo");
        new DemoDatasetGenerator(ROWS, 42).write(data, ProgressListener.NONE, Cancellation.NEVER);
        csv = BlobUri.local(data.resolve("ads.csv"));
        schema = Datasets.inferSchema(CsvSource.of(data.resolve("ads.csv"))).withLabel("clicked");
    }

    @Test
    void multimodalBeatsTabularOnTheDemoData() throws IOException {
        double tabular = bestValidationAuc(Recipe.TABULAR);
        double multimodal = bestValidationAuc(Recipe.MULTIMODAL);
        // The margin asked for is half the gap first observed here (tabular 0.67, multimodal 0.76, with a flattened image
        // tower); the pooled, batch-normalised tower keeps more than it (validation AUC 0.64 and 0.73 at 20 epochs).
        assertThat(tabular).isGreaterThan(0.6);
        assertThat(multimodal).isGreaterThan(tabular + 0.045);
    }

    private static double bestValidationAuc(Recipe recipe) throws IOException {
        FeatureSpec features = new FeatureSpec(
                recipe.usesTabular() ? List.of("hour_of_day", "bid_price_usd", "historical_ctr", "headline_length")
                        : List.of(),
                recipe.usesTabular() ? List.of("advertiser_category", "placement", "device", "day_of_week",
                        "banner_size", "has_discount") : List.of(),
                recipe.usesImage() ? "image" : null, "clicked", SIDE);
        LocalBlobStore store = new LocalBlobStore();
        PreparedDataset data = new InputPipeline().prepare(uri -> store, csv, schema, features, SplitSettings.defaults(),
                ErrorPolicy.failFast(), temp.resolve("cache"), ProgressListener.NONE, Cancellation.NEVER);
        ModelDefinition definition = new ModelDefinition(recipe, features,
                Hyperparameters.defaults(recipe).withImageSize(SIDE).withEpochs(EPOCHS),
                NumericStats.of(data.numericStatistics()), LabelPrior.of(data.trainPositives(), data.trainSize()));
        int batch = definition.hyperparameters().batchSize();
        int[] epoch = {0};
        try (CtrTrainer trainer = CtrTrainer.create(definition, 2)) {
            return new TrainingLoop(trainer, temp.resolve("checkpoints-" + recipe), TrainingListener.NONE,
                    Cancellation.NEVER)
                    .run(() -> TrainingWorker.iterable(data, Split.TRAIN, batch, ++epoch[0]),
                            () -> TrainingWorker.iterable(data, Split.VALIDATION, batch, 0))
                    .best().validationAuc();
        }
    }
}
