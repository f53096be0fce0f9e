package me.adsby.workbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import me.adsby.workbench.engine.demo.DemoDatasetGenerator;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the demo dataset, whose clicks depend on the banners' call-to-action contrast (hidden from the CSV),
 * a model that sees the images beats one that does not: the reason the demo exists.
 */
class DemoImagesCarrySignalTest {

    @TempDir
    Path temp;

    private double bestValidationAuc(BlobStores stores, Path csv, Recipe recipe, String runId) throws IOException {
        Hyperparameters defaults = Hyperparameters.defaults(recipe);
        Hyperparameters hp = new Hyperparameters(Integer.getInteger("demo.epochs", 12), 64, 2e-3f, defaults.embeddingSize(),
                defaults.hashBuckets(), defaults.hiddenUnits(), defaults.convFilters(), Integer.getInteger("demo.image", 32), 7, 6);
        RunDirectory run = new RunDirectory(BlobUri.local(temp.resolve("runs").resolve(runId)));
        BlobStore store = stores.forUri(run.root());
        new RunSpec(runId, runId, "demo", csv.toString(), "clicked", null, List.of("ad_id"), recipe, hp, 0.25, 0,
                "local-cpu", "test").write(store, run);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String status = new TrainingWorker(stores, run, temp.resolve("cache"), new PrintStream(log, true,
                StandardCharsets.UTF_8), Clock.systemUTC()).run();
        assertThat(status).as(log.toString()).isEqualTo("SUCCEEDED");
        return new EventReader(store, run).readAfter(0).stream().filter(e -> e.type().equals(RunEvents.EPOCH))
                .mapToDouble(e -> e.data().get("val_auc").asDouble()).max().orElseThrow();
    }

    @Test
    void theMultimodalRecipeBeatsTheTabularOneOnTheDemoData() throws IOException {
        Path csv = new DemoDatasetGenerator(Integer.getInteger("demo.rows", 3000), 42).write(temp.resolve("demo"), ProgressListener.NONE,
                Cancellation.NEVER).csv();
        try (BlobStores stores = new BlobStores(new GcsOptions(null, null))) {
            double tabular = bestValidationAuc(stores, csv, Recipe.TABULAR, "r-tabular");
            double multimodal = bestValidationAuc(stores, csv, Recipe.MULTIMODAL, "r-multimodal");

            System.out.printf("demo 3000 rows: tabular %.4f, multimodal %.4f%n", tabular, multimodal);
            // The generator's README: oracle AUC 0.81 with the visual terms, 0.70 without (2,000 rows, seed 42);
            // a model that learns part of the visual term must clear the tabular one.
            assertThat(tabular).isGreaterThan(0.55);
            assertThat(multimodal).isGreaterThan(tabular + 0.02);
        }
    }
}
