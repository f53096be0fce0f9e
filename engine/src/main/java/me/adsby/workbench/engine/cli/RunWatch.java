package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.adsby.workbench.engine.run.RunManager;
import me.adsby.workbench.storage.history.MetricPoint;
import me.adsby.workbench.storage.history.MetricSeries;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunRecord;

/** Waits for a run to stop, printing each finished epoch on standard error as it arrives. */
final class RunWatch {

    private final RunHistory history;
    private final RunManager manager;
    private final PrintWriter err;
    private int epochsShown;

    /** @param err where epochs are printed, or null to print nothing */
    RunWatch(RunHistory history, RunManager manager, PrintWriter err) {
        this.history = history;
        this.manager = manager;
        this.err = err;
    }

    RunRecord waitUntilStopped(String runId) throws InterruptedException {
        CountDownLatch changed = new CountDownLatch(1);
        manager.addListener(id -> {
            if (id.equals(runId)) {
                changed.countDown();
            }
        });
        while (true) {
            RunRecord record = history.record(runId);
            showNewEpochs(runId);
            if (record.run().status().isStopped()) {
                return record;
            }
            changed.await(1, TimeUnit.SECONDS);
        }
    }

    private void showNewEpochs(String runId) {
        if (err == null) {
            return;
        }
        List<MetricSeries> series = history.series(List.of(runId), List.of("val_auc", "val_loss", "train_loss"));
        List<MetricPoint> auc = series.stream().filter(s -> s.key().equals("val_auc")).findFirst()
                .map(MetricSeries::points).orElse(List.of());
        while (epochsShown < auc.size()) {
            MetricPoint point = auc.get(epochsShown++);
            err.printf(Locale.ROOT, "epoch %d: validation AUC %.4f%n", point.step(), point.value());
        }
        err.flush();
    }
}
