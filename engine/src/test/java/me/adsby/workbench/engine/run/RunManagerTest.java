package me.adsby.workbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import me.adsby.workbench.engine.demo.DemoDatasetGenerator;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.train.SelectionMetric;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.TrainingTarget;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs in real worker JVMs: queue, ingestion, a killed worker, an app that stops and comes back. */
class RunManagerTest {

    @TempDir
    static Path shared;

    private static Path demo;

    @TempDir
    Path temp;

    @BeforeAll
    static void writeDemo() throws IOException {
        demo = new DemoDatasetGenerator(400, 11).write(shared.resolve("demo"), ProgressListener.NONE,
                Cancellation.NEVER).csv();
    }

    private static RunRequest request(int epochs) {
        Hyperparameters hp = Hyperparameters.defaults(Recipe.TABULAR).withEpochs(epochs).withPatience(epochs);
        return new RunRequest(null, "tests", demo.toString(), "clicked", null, List.of("ad_id"), Recipe.TABULAR, hp,
                new SplitPlan("random", null, 0.25, 42L, null, null), 0, TrainingTarget.LOCAL_CPU, SelectionMetric.LOG_LOSS, null);
    }

    private RunManager manager(WorkbenchHome home, RunHistory history, BlobStores stores) {
        return new RunManager(home, history, stores, WorkerCommandLine.ofThisJvm(home.root(), List.of()), 1,
                GpuProbe.ofThisMachine(), Clock.systemUTC());
    }

    private static boolean saysResumed(RunManager manager, String runId) {
        try {
            return manager.logTail(runId, 200).stream().anyMatch(line -> line.startsWith("Resumed after epoch "));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Run waitFor(RunHistory history, String runId, Predicate<Run> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            Run run = history.run(runId);
            if (condition.test(run)) {
                return run;
            }
            assertThat(System.nanoTime()).as("run " + runId + " still " + run.status() + " after 3 minutes")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aSavedSchemaIsWhatTheRunRecordsAndTrainsBy() throws Exception {
        WorkbenchHome home = WorkbenchHome.open(temp.resolve("home"));
        try (RunHistory history = RunHistory.open(home.history());
                BlobStores stores = new BlobStores(new GcsOptions(null, null));
                RunManager manager = manager(home, history, stores)) {
            manager.start();
            BlobUri uri = BlobUri.parse(demo.toString());
            SchemaStore schemas = SchemaStore.of(home);
            // As the Data screen's Apply or `datasets schema --set hour_of_day=:ignored` would save it.
            Schema edited = schemas.effective(stores.forUri(uri), uri, ProgressListener.NONE, Cancellation.NEVER).schema()
                    .withRole("hour_of_day", ColumnRole.IGNORED);
            schemas.save(stores.forUri(uri), uri, edited);

            Run run = manager.start(request(1));
            Run done = waitFor(history, run.id(), r -> r.status().isStopped());

            assertThat(done.status()).as(String.join("\n", manager.logTail(run.id(), 30))).isEqualTo(RunStatus.SUCCEEDED);
            RunDirectory directory = manager.directoryOf(run);
            RunSpec spec = RunSpec.read(stores.forUri(directory.root()), directory);
            assertThat(spec.schema().column("hour_of_day").role()).isEqualTo(ColumnRole.IGNORED);
            assertThat(RunFeatures.read(stores.forUri(directory.root()), directory).orElseThrow().numeric())
                    .isNotEmpty().doesNotContain("hour_of_day");
        }
    }

    @Test
    void aRunTrainsInAWorkerAndItsEpochsReachTheHistory() throws Exception {
        WorkbenchHome home = WorkbenchHome.open(temp.resolve("home"));
        try (RunHistory history = RunHistory.open(home.history());
                BlobStores stores = new BlobStores(new GcsOptions(null, null));
                RunManager manager = manager(home, history, stores)) {
            manager.start();

            Run run = manager.start(request(2));
            Run done = waitFor(history, run.id(), r -> r.status().isStopped());

            assertThat(done.status()).as(String.join("\n", manager.logTail(run.id(), 30))).isEqualTo(RunStatus.SUCCEEDED);
            var record = history.record(run.id());
            assertThat(record.finalMetrics()).containsKeys("train_loss", "val_loss", "val_auc", "val_accuracy");
            assertThat(history.series(List.of(run.id()), List.of("val_auc")).get(0).points())
                    .extracting(point -> point.step()).containsExactly(1L, 2L);
            assertThat(record.artifacts()).extracting(a -> a.kind()).contains("model", "predictions", "metrics");
            assertThat(record.provenance()).isPresent();
            assertThat(record.params()).containsEntry("epochs", "2").containsEntry("recipe", "tabular");
            assertThat(manager.logTail(run.id(), 100)).anyMatch(line -> line.startsWith("Epoch 2:"));
        }
    }

    @Test
    void aKilledWorkerFailsItsRunWithItsLogAndTheRunResumesFromItsCheckpoint() throws Exception {
        WorkbenchHome home = WorkbenchHome.open(temp.resolve("home"));
        try (RunHistory history = RunHistory.open(home.history());
                BlobStores stores = new BlobStores(new GcsOptions(null, null));
                RunManager manager = manager(home, history, stores)) {
            manager.start();
            Run run = manager.start(request(200));
            waitFor(history, run.id(), r -> history.series(List.of(r.id()), List.of("val_auc")).stream()
                    .anyMatch(s -> !s.points().isEmpty()));

            Heartbeat beat = Heartbeat.read(stores.forUri(manager.directoryOf(run).root()), manager.directoryOf(run))
                    .orElseThrow();
            ProcessHandle.of(beat.pid()).orElseThrow().destroyForcibly();
            Run failed = waitFor(history, run.id(), r -> r.status().isStopped());

            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.error()).contains("The worker stopped without finishing the run").containsPattern("\\nEpoch [0-9]+: ");
            long epochsBefore = history.series(List.of(run.id()), List.of("val_auc")).get(0).points().size();

            manager.resume(run.id());
            // The resumed worker reads the statistics and the prepared cache before it restores the checkpoint;
            // cancel once it says it resumed.
            waitFor(history, run.id(), r -> r.status().isStopped() || saysResumed(manager, r.id()));
            manager.cancel(run.id());
            Run cancelled = waitFor(history, run.id(), r -> r.status().isStopped());

            assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(manager.logTail(run.id(), 200)).anyMatch(line -> line.startsWith("Resumed after epoch "));
            List<Long> epochs = history.series(List.of(run.id()), List.of("val_auc")).get(0).points().stream()
                    .map(point -> point.step()).toList();
            assertThat(epochs).as("epochs counted once, continuing after " + epochsBefore).doesNotHaveDuplicates()
                    .startsWith(1L);

            // A cancelled run resumes from its last checkpoint as well: it trains on, epochs still counted once.
            manager.resume(run.id());
            waitFor(history, run.id(), r -> r.status().isStopped() || history.series(List.of(r.id()), List.of("val_auc"))
                    .get(0).points().size() > epochs.size());
            manager.cancel(run.id());
            Run again = waitFor(history, run.id(), r -> r.status().isStopped());
            List<Long> after = history.series(List.of(run.id()), List.of("val_auc")).get(0).points().stream()
                    .map(point -> point.step()).toList();
            assertThat(again.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(after).as("more epochs after resuming the cancelled run").hasSizeGreaterThan(epochs.size())
                    .doesNotHaveDuplicates().startsWith(epochs.toArray(Long[]::new));
        }
    }

    @Test
    void anAppThatStopsAndComesBackReattachesToALiveWorkerOrMarksADeadOneInterrupted() throws Exception {
        WorkbenchHome home = WorkbenchHome.open(temp.resolve("home"));
        String runId;
        long pid;
        try (BlobStores stores = new BlobStores(new GcsOptions(null, null))) {
            try (RunHistory history = RunHistory.open(home.history());
                    RunManager manager = manager(home, history, stores)) {
                manager.start();
                runId = manager.start(request(200)).id();
                waitFor(history, runId, r -> r.status() == RunStatus.RUNNING);
                Run run = history.run(runId);
                pid = Heartbeat.read(stores.forUri(manager.directoryOf(run).root()), manager.directoryOf(run))
                        .orElseThrow().pid();
            }
            // The app is gone; the worker trains on.
            try (RunHistory history = RunHistory.open(home.history());
                    RunManager manager = manager(home, history, stores)) {
                manager.start();
                assertThat(history.run(runId).status()).as("re-attached").isEqualTo(RunStatus.RUNNING);
                manager.cancel(runId);
                assertThat(waitFor(history, runId, r -> r.status().isStopped()).status()).isEqualTo(RunStatus.CANCELLED);
            }
            // A run whose worker died while no app watched.
            Run second;
            try (RunHistory history = RunHistory.open(home.history());
                    RunManager manager = manager(home, history, stores)) {
                manager.start();
                second = manager.start(request(200));
                waitFor(history, second.id(), r -> history.series(List.of(r.id()), List.of("val_auc")).stream()
                        .anyMatch(s -> !s.points().isEmpty()));
                pid = Heartbeat.read(stores.forUri(manager.directoryOf(second).root()), manager.directoryOf(second))
                        .orElseThrow().pid();
            }
            ProcessHandle worker = ProcessHandle.of(pid).orElseThrow();
            worker.destroyForcibly();
            worker.onExit().get();
            try (RunHistory history = RunHistory.open(home.history());
                    RunManager manager = manager(home, history, stores)) {
                manager.start();
                Run interrupted = history.run(second.id());
                assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);
                assertThat(interrupted.error()).contains("its worker stopped while Workbench was not watching");
                assertThat(history.series(List.of(second.id()), List.of("val_auc")).get(0).points())
                        .as("the epochs it wrote are kept").isNotEmpty();
            }
        }
    }
}
