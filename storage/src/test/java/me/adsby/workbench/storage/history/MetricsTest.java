package me.adsby.workbench.storage.history;

import static me.adsby.workbench.storage.history.HistoryFixtures.newRun;
import static me.adsby.workbench.storage.history.HistoryFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

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

    static MetricPoint point(String key, long step, double value) {
        return new MetricPoint(key, step, (int) (step / 10), value, T0.plusSeconds(step));
    }

    @Test
    void aBatchWithDuplicatesIngestedTwiceIsStoredOnce() {
        Run run = history.createRun(newRun("dup"));
        // 2 keys x 3,000 steps = 6,000 distinct points, more than one JDBC batch (2,000); plus 3 repeats inside.
        List<MetricPoint> points = new ArrayList<>();
        for (int step = 0; step < 3_000; step++) {
            points.add(point("loss", step, 1.0 / (step + 1)));
            points.add(point("auc", step, step / 3_000.0));
        }
        points.add(point("loss", 5, 1.0 / 6));
        points.add(point("loss", 6, 1.0 / 7));
        points.add(point("auc", 7, 7 / 3_000.0));

        history.addMetrics(run.id(), points);
        history.addMetrics(run.id(), points);

        assertThat(rows(history, "metric_points", run.id())).isEqualTo(6_000);
        // Final values are those of step 2,999: loss 1/3000, auc 2999/3000.
        assertThat(history.record(run.id()).finalMetrics()).isEqualTo(Map.of("loss", 1.0 / 3000, "auc", 2999 / 3000.0));
    }

    @Test
    void aReingestedPointReplacesTheStoredOne() {
        Run run = history.createRun(newRun("replace"));
        history.addMetrics(run.id(), List.of(point("loss", 0, 0.9), point("loss", 1, 0.7)));
        history.addMetrics(run.id(), List.of(point("loss", 1, 0.6)));

        List<MetricSeries> series = history.series(List.of(run.id()), List.of("loss"));
        assertThat(series).containsExactly(new MetricSeries(run.id(), "loss", List.of(point("loss", 0, 0.9), point("loss", 1, 0.6))));
        assertThat(history.record(run.id()).finalMetrics()).isEqualTo(Map.of("loss", 0.6));
    }

    @Test
    void anEarlierStepArrivingLateDoesNotChangeTheFinalValue() {
        Run run = history.createRun(newRun("late"));
        history.addMetrics(run.id(), List.of(point("auc", 10, 0.80)));
        history.addMetrics(run.id(), List.of(point("auc", 3, 0.70)));

        // Step 10 is still the highest step, so its 0.80 stays final.
        assertThat(history.record(run.id()).finalMetrics()).isEqualTo(Map.of("auc", 0.80));
        assertThat(rows(history, "metric_points", run.id())).isEqualTo(2);
    }

    @Test
    void seriesOfSeveralRunsComeRunByRunThenKeyByKeyInStepOrder() {
        Run a = history.createRun(newRun("a"));
        Run b = history.createRun(newRun("b"));
        history.addMetrics(a.id(), List.of(point("loss", 2, 0.5), point("loss", 0, 0.9), point("auc", 0, 0.6), point("lr", 0, 0.1)));
        history.addMetrics(b.id(), List.of(point("loss", 0, 0.8), point("loss", 1, 0.4)));

        List<MetricSeries> series = history.series(List.of(b.id(), a.id()), List.of("loss", "auc"));

        // b has no auc, so it has no auc series; a's lr was not asked for.
        assertThat(series).containsExactly(
                new MetricSeries(b.id(), "loss", List.of(point("loss", 0, 0.8), point("loss", 1, 0.4))),
                new MetricSeries(a.id(), "loss", List.of(point("loss", 0, 0.9), point("loss", 2, 0.5))),
                new MetricSeries(a.id(), "auc", List.of(point("auc", 0, 0.6))));
    }

    @Test
    void eventsAreIngestedOncePerSequenceNumber() {
        Run run = history.createRun(newRun("events"));
        assertThat(history.eventWatermark(run.id())).isEqualTo(-1);

        assertThat(history.ingestEvents(run.id(), 4, List.of(point("loss", 0, 0.9), point("loss", 1, 0.8)))).isTrue();
        // The same events again (the app restarted before it knew they were in): nothing happens.
        assertThat(history.ingestEvents(run.id(), 4, List.of(point("loss", 0, 0.9), point("loss", 1, 0.8)))).isFalse();
        assertThat(history.ingestEvents(run.id(), 2, List.of(point("loss", 0, 0.1)))).isFalse();
        assertThat(history.ingestEvents(run.id(), 7, List.of(point("loss", 2, 0.7)))).isTrue();

        assertThat(history.eventWatermark(run.id())).isEqualTo(7);
        assertThat(rows(history, "metric_points", run.id())).isEqualTo(3);
        assertThat(history.series(List.of(run.id()), List.of("loss")).get(0).points())
                .extracting(MetricPoint::value).containsExactly(0.9, 0.8, 0.7);
    }

    @Test
    void pointsOfAnUnknownRunAreRefused() {
        assertThatThrownBy(() -> history.addMetrics("r-gone", List.of(point("loss", 0, 1))))
                .isInstanceOf(NoSuchRunException.class);
    }
}
