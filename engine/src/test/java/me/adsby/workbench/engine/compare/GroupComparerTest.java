package me.adsby.workbench.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import me.adsby.workbench.storage.history.NewRun;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupComparerTest {

    @TempDir
    Path home;

    @Test
    void twoGroupsOnOneDatasetAreComparedMetricByMetric() {
        try (RunHistory history = RunHistory.open(home.resolve("history"), new SteppingClock())) {
            group(history, "g-a", "gs://ads/train.csv", 0.60, 0.61, 0.62);
            group(history, "g-b", "gs://ads/train.csv", 0.70, 0.71, 0.72);
            GroupComparer comparer = new GroupComparer(history);

            GroupComparer.Comparison comparison = comparer.compare("g-a", "g-b");

            assertThat(comparison.data()).isEqualTo("gs://ads/train.csv (label clicked)");
            assertThat(comparison.runsA()).isEqualTo(3);
            assertThat(comparison.differences()).singleElement().satisfies(d -> {
                assertThat(d.metric()).isEqualTo("val_auc");
                // Means 0.61 and 0.71, sd 0.01 in both: B - A = 0.10, se = sqrt(2 * 0.0001 / 3) = 0.008165, Welch df 4,
                // t(0.975, 4) = 2.776445: half-width 0.022669, so [0.077331, 0.122669], which leaves out 0.
                assertThat(d.difference()).isCloseTo(0.10, within(1e-12));
                assertThat(d.low()).isCloseTo(0.077331, within(1e-6));
                assertThat(d.verdict()).isEqualTo("better");
            });
            assertThat(comparer.groups()).extracting(GroupComparer.Group::describe).containsExactly(
                    "g-b (3 runs: repeat 1 of 3, …)", "g-a (3 runs: repeat 1 of 3, …)");
            assertThat(comparer.members("g-b")).extracting(m -> m.best().get("val_auc")).containsExactly(0.70, 0.71, 0.72);
        }
    }

    @Test
    void groupsOnOtherDataOrWithoutRunsAreRefused() {
        try (RunHistory history = RunHistory.open(home.resolve("history"), new SteppingClock())) {
            group(history, "g-a", "gs://ads/train.csv", 0.60, 0.61);
            group(history, "g-c", "gs://ads/other.csv", 0.70, 0.71);
            GroupComparer comparer = new GroupComparer(history);

            assertThatThrownBy(() -> comparer.compare("g-a", "g-c")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gs://ads/train.csv (label clicked)")
                    .hasMessageContaining("gs://ads/other.csv (label clicked)");
            assertThatThrownBy(() -> comparer.compare("g-a", "g-none")).hasMessage("no run is in group g-none");
        }
    }

    /** A clock a second later at each reading, so that runs created one after another never share a time. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock has one zone");
        }
    }

    /** A group whose members' best epochs have these validation AUCs, created in reverse member order. */
    private static void group(RunHistory history, String group, String dataset, double... aucs) {
        for (int i = aucs.length - 1; i >= 0; i--) {
            String member = "repeat " + (i + 1) + " of " + aucs.length;
            Run run = history.createRun(new NewRun(member, "ctr", TrainingTarget.LOCAL_CPU, "/runs/" + group + i, "logistic",
                    Map.of("group", group, "group_member", member, "dataset", dataset, "label", "clicked")));
            history.putBestEpoch(run.id(), 2, Map.of("val_auc", aucs[i]));
        }
    }
}
