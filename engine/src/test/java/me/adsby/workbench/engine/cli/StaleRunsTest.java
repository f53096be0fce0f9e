package me.adsby.workbench.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import me.adsby.workbench.engine.run.Heartbeat;
import me.adsby.workbench.engine.run.RunDirectory;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.history.NewRun;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose CLI and worker were both killed (kill -9) stays RUNNING in the history. The next command that
 * opens the history, even {@code runs list}, marks it INTERRUPTED once its heartbeat is stale, so that cancel,
 * delete and resume work on it; a run whose worker still beats is left alone.
 */
class StaleRunsTest {

    @TempDir
    Path temp;

    @Test
    void runsListMarksARunWithAStaleHeartbeatInterruptedAndLeavesALiveOneRunning() throws Exception {
        Path home = temp.resolve("home");
        HeadlessRun cli = new HeadlessRun(home);
        assertThat(cli.run("runs", "list")).as(cli.err()).isZero();
        String stale;
        String live;
        try (RunHistory history = RunHistory.open(home.resolve("history"))) {
            // Heartbeats from another host: only their age tells whether the worker lives.
            stale = running(history, home, Instant.now().minus(Heartbeat.STALE_AFTER).minus(Duration.ofMinutes(4)));
            live = running(history, home, Instant.now());
        }

        assertThat(cli.run("runs", "list", "--json")).as(cli.err()).isZero();

        Map<String, String> statuses = new HashMap<>();
        for (JsonNode row : cli.json().get("runs")) {
            statuses.put(row.get("id").asText(), row.get("status").asText());
        }
        assertThat(statuses).containsEntry(stale, "INTERRUPTED").containsEntry(live, "RUNNING");
        try (RunHistory history = RunHistory.open(home.resolve("history"))) {
            assertThat(history.run(stale).error()).contains("its worker stopped (last heartbeat");
            assertThat(history.run(live).status()).isEqualTo(RunStatus.RUNNING);
        }
    }

    private static String running(RunHistory history, Path home, Instant beat) throws Exception {
        Run run = history.createRun(new NewRun("r", "ctr", TrainingTarget.LOCAL_CPU,
                home.resolve("runs").resolve(NewRun.RUN_ID).toString(), "logistic", Map.of()));
        history.transition(run.id(), RunStatus.QUEUED, RunStatus.STARTING);
        history.transition(run.id(), RunStatus.STARTING, RunStatus.RUNNING);
        new Heartbeat(4_194_301L, "a-worker-elsewhere", beat).write(new LocalBlobStore(),
                new RunDirectory(BlobUri.local(Path.of(run.runDirectory()))));
        return run.id();
    }
}
