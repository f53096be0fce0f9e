package me.adsby.workbench.app.runs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import me.adsby.workbench.engine.run.GpuProbe;
import me.adsby.workbench.engine.run.RunManager;
import me.adsby.workbench.engine.run.WorkerCommandLine;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.history.MetricPoint;
import me.adsby.workbench.storage.history.NewRun;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.TrainingTarget;

/** A real history and run manager in a temporary home, with helpers to make runs in any state. */
final class RunsFixture implements AutoCloseable {

    final WorkbenchHome home;
    final RunHistory history;
    final BlobStores stores;
    final RunManager manager;

    RunsFixture(Path temp) throws java.io.IOException {
        home = WorkbenchHome.open(temp.resolve("home"));
        // A clock that ticks a second per reading: runs made one after another sort by creation.
        history = RunHistory.open(home.root().resolve("history"), new TickingClock());
        stores = new BlobStores(new GcsOptions(null, null));
        manager = new RunManager(home, history, stores, WorkerCommandLine.ofThisJvm(home.root(), List.of()), 1,
                GpuProbe.ofThisMachine(), Clock.systemUTC());
    }

    /** Starts at a fixed instant and moves one second forward at each reading. */
    private static final class TickingClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    Run run(String name, String experiment, Map<String, String> params) {
        return history.createRun(new NewRun(name, experiment, TrainingTarget.LOCAL_CPU,
                home.runs().resolve(NewRun.RUN_ID).toString(), "tabular", params));
    }

    /** Moves a queued run along the legal path to {@code status}. */
    void moveTo(String runId, RunStatus status, String error) {
        if (status == RunStatus.QUEUED) {
            return;
        }
        if (status == RunStatus.CANCELLED) {
            history.transition(runId, RunStatus.QUEUED, RunStatus.CANCELLED);
            return;
        }
        history.transition(runId, RunStatus.QUEUED, RunStatus.STARTING);
        if (status == RunStatus.STARTING) {
            return;
        }
        history.transition(runId, RunStatus.STARTING, RunStatus.RUNNING);
        if (status != RunStatus.RUNNING) {
            history.transition(runId, RunStatus.RUNNING, status, error);
        }
    }

    void epoch(String runId, int epoch, double trainLoss, double valLoss, double auc) {
        Instant now = Instant.now();
        history.addMetrics(runId, List.of(
                new MetricPoint("train_loss", epoch, epoch, trainLoss, now),
                new MetricPoint("val_loss", epoch, epoch, valLoss, now),
                new MetricPoint("val_auc", epoch, epoch, auc, now),
                new MetricPoint("val_accuracy", epoch, epoch, 0.8, now)));
    }

    @Override
    public void close() throws java.io.IOException {
        manager.close();
        history.close();
        stores.close();
    }
}
