package me.adsby.workbench.storage.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunIdPlaceholderTest {

    @TempDir
    Path temp;

    @Test
    void theRunDirectoryMayNameTheRunsOwnId() {
        try (RunHistory history = RunHistory.open(temp.resolve("history"))) {
            Run run = history.createRun(new NewRun("first", null, TrainingTarget.LOCAL_CPU,
                    "/home/u/.workbench/runs/" + NewRun.RUN_ID, "tabular", Map.of()));

            assertThat(run.runDirectory()).isEqualTo("/home/u/.workbench/runs/" + run.id());
            assertThat(history.run(run.id()).runDirectory()).isEqualTo(run.runDirectory());
        }
    }
}
