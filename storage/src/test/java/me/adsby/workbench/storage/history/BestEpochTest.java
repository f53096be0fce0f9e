package me.adsby.workbench.storage.history;

import static me.adsby.workbench.storage.history.HistoryFixtures.newRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestEpochTest {

    @TempDir
    Path home;

    RunHistory history;

    @BeforeEach
    void open() {
        history = RunHistory.open(home.resolve("history"));
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void theBestEpochMovesOnlyForwardSoReplayedEventsCannotMoveItBack() {
        String run = history.createRun(newRun("r")).id();
        assertThat(history.record(run).best()).isEmpty();
        history.putBestEpoch(run, 2, Map.of("val_loss", 0.41, "val_auc", 0.70));
        history.putBestEpoch(run, 5, Map.of("val_loss", 0.38, "val_auc", 0.73));
        history.putBestEpoch(run, 2, Map.of("val_loss", 0.41, "val_auc", 0.70));

        assertThat(history.record(run).best()).contains(new BestEpoch(5, Map.of("val_loss", 0.38, "val_auc", 0.73)));
    }

    @Test
    void theRunsTableShowsAndSortsByTheBestEpochNotTheLast() {
        // Run a: best epoch 1 with AUC 0.80, last epoch 3 with 0.60. Run b: best = last = epoch 2 with AUC 0.70.
        // By the last epoch b (0.70) ranks above a (0.60); by the exported model a (0.80) ranks above b.
        String a = history.createRun(newRun("a")).id();
        String b = history.createRun(newRun("b")).id();
        history.addMetrics(a, List.of(point("val_auc", 1, 0.80), point("val_auc", 2, 0.70), point("val_auc", 3, 0.60)));
        history.putBestEpoch(a, 1, Map.of("val_auc", 0.80));
        history.addMetrics(b, List.of(point("val_auc", 1, 0.65), point("val_auc", 2, 0.70)));
        history.putBestEpoch(b, 2, Map.of("val_auc", 0.70));

        RunPage byBest = history.runs(RunQuery.firstPage(10).withSort(RunSort.bestMetric("val_auc", true)));
        RunPage byLast = history.runs(RunQuery.firstPage(10).withSort(RunSort.finalMetric("val_auc", true)));

        assertThat(byBest.rows()).extracting(row -> row.run().id()).containsExactly(a, b);
        assertThat(byLast.rows()).extracting(row -> row.run().id()).containsExactly(b, a);
        assertThat(byBest.rows().get(0).best()).contains(new BestEpoch(1, Map.of("val_auc", 0.80)));
        assertThat(byBest.rows().get(0).finalMetrics()).containsEntry("val_auc", 0.60);
    }

    private static MetricPoint point(String key, int epoch, double value) {
        return new MetricPoint(key, epoch, epoch, value, java.time.Instant.EPOCH);
    }
}
