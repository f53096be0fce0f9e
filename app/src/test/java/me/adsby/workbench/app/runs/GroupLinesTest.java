package me.adsby.workbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import me.adsby.workbench.storage.history.NewRun;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupLinesTest {

    @TempDir
    Path home;

    @Test
    void aGroupMembersPageShowsTheGroupAndEachMetricsSpread() {
        try (RunHistory history = RunHistory.open(home.resolve("history"))) {
            String[] ids = new String[3];
            double[] aucs = {0.6, 0.7, 0.8};
            for (int i = 0; i < 3; i++) {
                Run run = history.createRun(new NewRun("repeat " + i, "ctr", TrainingTarget.LOCAL_CPU, "/runs/r" + i,
                        "logistic", Map.of("group", "g-1", "group_member", "repeat " + (i + 1) + " of 3")));
                history.putBestEpoch(run.id(), 2, Map.of("val_auc", aucs[i]));
                ids[i] = run.id();
            }
            Run alone = history.createRun(new NewRun("alone", "ctr", TrainingTarget.LOCAL_CPU, "/runs/a", "logistic",
                    Map.of()));

            List<KeyValue> lines = GroupLines.of(history, history.record(ids[1]));

            assertThat(lines.get(0)).isEqualTo(new KeyValue("Group", "g-1: repeat 2 of 3; 3 runs: " + String.join(", ", ids)));
            // 0.6, 0.7, 0.8: mean 0.7, sd 0.1; Student's t at 0.975 with 2 degrees of freedom is 4.302653, so the
            // half-width is 4.302653 * 0.1 / sqrt(3) = 0.248414.
            assertThat(lines.get(1)).isEqualTo(new KeyValue("group val_auc",
                    "mean 0.7000, sd 0.1000, 95% [0.4516, 0.9484] over 3 runs"));
            assertThat(GroupLines.of(history, history.record(alone.id()))).isEmpty();
        }
    }
}
