package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.adsby.workbench.engine.run.RunManager;
import me.adsby.workbench.engine.run.RunParams;
import me.adsby.workbench.storage.history.MetricPoint;
import me.adsby.workbench.storage.history.MetricSeries;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunRecord;

/** Waits for a run to stop, printing its notices (as warnings) and each finished epoch on standard error. */
final class RunWatch {

    private final RunHistory history;
    private final RunManager manager;
    private final PrintWriter err;
    private int epochsShown;
    private final java.util.Set<String> noticesShown = new java.util.HashSet<>();

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
            showNotices(record);
            showNewEpochs(runId);
            if (record.run().status().isStopped()) {
                return record;
            }
            changed.await(1, TimeUnit.SECONDS);
        }
    }

    private void showNotices(RunRecord record) {
        if (err == null) {
            return;
        }
        record.params().forEach((key, value) -> {
            if (key.startsWith(RunParams.NOTICE) && noticesShown.add(key)) {
                err.println("warning: " + value);
            } else if (key.startsWith(RunParams.DROPPED) && noticesShown.add(key)) {
                err.println("left out of the model: " + key.substring(RunParams.DROPPED.length()) + ": " + value);
            }
        });
        err.flush();
    }

    private void showNewEpochs(String runId) {
        if (err == null) {
            return;
        }
        List<MetricSeries> series = history.series(List.of(runId), List.of("val_loss", "val_auc"));
        List<MetricPoint> loss = points(series, "val_loss");
        List<MetricPoint> auc = points(series, "val_auc");
        while (epochsShown < loss.size()) {
            MetricPoint point = loss.get(epochsShown);
            String aucText = epochsShown < auc.size() && auc.get(epochsShown).step() == point.step()
                    ? String.format(Locale.ROOT, "%.4f", auc.get(epochsShown).value()) : "undefined";
            epochsShown++;
            err.printf(Locale.ROOT, "epoch %d: validation log loss %.4f, AUC %s%n", point.step(), point.value(), aucText);
        }
        err.flush();
    }

    private static List<MetricPoint> points(List<MetricSeries> series, String key) {
        return series.stream().filter(s -> s.key().equals(key)).findFirst().map(MetricSeries::points).orElse(List.of());
    }
}
