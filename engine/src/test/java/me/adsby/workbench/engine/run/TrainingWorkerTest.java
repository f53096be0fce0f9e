package me.adsby.workbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import me.adsby.workbench.storage.blob.WriteCondition;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker trains a run from its run directory to a model, predictions and metrics, reporting events. */
class TrainingWorkerTest {

    @TempDir
    static Path shared;

    private static Path demo;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void writeDemo() throws IOException {
        demo = new DemoDatasetGenerator(300, 7).write(shared.resolve("demo"), ProgressListener.NONE,
                Cancellation.NEVER).csv();
    }

    private static RunSpec spec(String csv, Recipe recipe, int epochs) {
        Hyperparameters hp = Hyperparameters.defaults(recipe).withEpochs(epochs).withImageSize(16).withPatience(10);
        return new RunSpec("r-test", "test", "default", csv, "clicked", null, List.of("ad_id"), recipe, hp, 0.25, 0,
                "local-cpu", "test", new SplitPlan("random", null, 0.25, 42L, null, null), "log_loss", null);
    }

    private String runWorker(BlobStores stores, RunDirectory run) throws IOException {
        return runWorker(stores, run, Cancellation.NEVER);
    }

    private String runWorker(BlobStores stores, RunDirectory run, Cancellation stop) throws IOException {
        return new TrainingWorker(stores, run, temp.resolve("cache"), new PrintStream(log, true, StandardCharsets.UTF_8),
                Clock.systemUTC(), stop).run();
    }

    @Test
    void aTabularRunTrainsExportsAndScoresItsValidationSplit() throws IOException {
        try (BlobStores stores = new BlobStores(new GcsOptions(null, null))) {
            RunDirectory run = new RunDirectory(BlobUri.local(temp.resolve("runs/r-test")));
            BlobStore store = stores.forUri(run.root());
            spec(demo.toString(), Recipe.TABULAR, 2).write(store, run);

            assertThat(runWorker(stores, run)).as(log.toString()).isEqualTo("SUCCEEDED");

            List<RunEvent> events = new EventReader(store, run).readAfter(0);
            assertThat(events.get(0).type()).isEqualTo(RunEvents.STATE);
            assertThat(events.get(0).data().get("status").asText()).isEqualTo("RUNNING");
            assertThat(events).filteredOn(e -> e.type().equals(RunEvents.EPOCH)).hasSize(2);
            RunEvent last = events.get(events.size() - 1);
            assertThat(last.data().get("status").asText()).isEqualTo("SUCCEEDED");
            RunEvent prepared = events.stream().filter(e -> e.type().equals(RunEvents.PREPARED)).findFirst().orElseThrow();
            long validation = prepared.data().get("validation").asLong();
            assertThat(prepared.data().get("train").asLong() + validation).isEqualTo(300);
            assertThat(run.model().toPath().resolve("saved_model.pb")).isRegularFile();
            // The header and one line per validation example.
            assertThat(Files.readAllLines(run.eval().toPath().resolve("predictions.csv"))).hasSize((int) validation + 1);
            assertThat(Files.readString(run.eval().toPath().resolve("metrics.json"))).contains("\"auc\"");
        }
    }

    @Test
    void aBadDatasetFailsTheRunWithTheFileAndLine() throws IOException {
        Path csv = Files.writeString(temp.resolve("bad.csv"), "ad_id,bid,clicked\na1,1.5,1\na2,2.5\na3,3.5,0\n");
        try (BlobStores stores = new BlobStores(new GcsOptions(null, null))) {
            RunDirectory run = new RunDirectory(BlobUri.local(temp.resolve("runs/r-test")));
            BlobStore store = stores.forUri(run.root());
            spec(csv.toString(), Recipe.TABULAR, 1).write(store, run);

            assertThat(runWorker(stores, run)).isEqualTo("FAILED");

            List<RunEvent> events = new EventReader(store, run).readAfter(0);
            assertThat(events.get(events.size() - 1).data().get("error").asText()).contains(csv + ":3:");
        }
    }

    @Test
    void aCancelRequestInTheRunDirectoryStopsTheWorker() throws IOException {
        try (BlobStores stores = new BlobStores(new GcsOptions(null, null))) {
            RunDirectory run = new RunDirectory(BlobUri.local(temp.resolve("runs/r-test")));
            BlobStore store = stores.forUri(run.root());
            spec(demo.toString(), Recipe.TABULAR, 3).write(store, run);
            store.write(run.cancelRequest(), new ByteArrayInputStream(new byte[0]), null, WriteCondition.NONE);

            assertThat(runWorker(stores, run)).isEqualTo("CANCELLED");
            assertThat(new EventReader(store, run).readAfter(0)).noneMatch(e -> e.type().equals(RunEvents.EPOCH));
        }
    }

    @Test
    void aRunStoppedAfterTwoEpochsResumesFromItsCheckpointOnGcs() throws Exception {
        try (GcsTestServer gcs = GcsTestServer.start(); BlobStores stores = new BlobStores(gcs.options())) {
            gcs.createBucket("runs");
            RunDirectory run = new RunDirectory(BlobUri.parse("gs://runs/r-test"));
            BlobStore store = stores.forUri(run.root());
            spec(demo.toString(), Recipe.TABULAR, 4).write(store, run);
            EventReader reader = new EventReader(store, run);
            Cancellation afterTwoEpochs = () -> {
                try {
                    return reader.readAfter(0).stream().filter(e -> e.type().equals(RunEvents.EPOCH)).count() >= 2;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };

            String first = runWorker(stores, run, afterTwoEpochs);
            String resumed = runWorker(stores, run);

            assertThat(first).isEqualTo("CANCELLED");
            assertThat(resumed).as(log.toString()).isEqualTo("SUCCEEDED");
            // Each epoch trained once: the resumed worker went on after epoch 2, up to the spec's 4.
            assertThat(reader.readAfter(0).stream().filter(e -> e.type().equals(RunEvents.EPOCH))
                    .map(e -> e.data().get("epoch").asInt())).containsExactly(1, 2, 3, 4);
            assertThat(log.toString()).contains("Resumed after epoch 2.");
            assertThat(store.stat(run.model().resolve("saved_model.pb"))).isPresent();
            assertThat(store.stat(run.eval().resolve("metrics.json"))).isPresent();
        }
    }
}
