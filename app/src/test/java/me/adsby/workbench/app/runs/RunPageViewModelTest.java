package me.adsby.workbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.SameThreadTaskExecutor;
import me.adsby.workbench.storage.history.Artifact;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPageViewModelTest {

    @TempDir
    Path temp;

    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final Notifications notifications = new Notifications(Path.of("workbench.log"));
    private RunsFixture runs;
    private RunPageViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        runs = new RunsFixture(temp);
        model = new RunPageViewModel(tasks, runs.manager, notifications, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        runs.close();
        assertThat(tasks.unhandled()).isEmpty();
    }

    @Test
    void aRunningRunShowsItsParamsCurvesLogAndMayOnlyBeCancelled() throws Exception {
        Run run = runs.run("tabular on ads.csv", "ctr", Map.of("epochs", "3", "learning_rate", "0.003"));
        runs.moveTo(run.id(), RunStatus.RUNNING, null);
        runs.epoch(run.id(), 1, 0.60, 0.58, 0.70);
        runs.epoch(run.id(), 2, 0.50, 0.52, 0.74);
        runs.history.putArtifact(run.id(), new Artifact("model", "/runs/x/model", 2048L, null));
        Path directory = Path.of(runs.manager.directoryOf(runs.history.run(run.id())).root().toString());
        Files.createDirectories(directory);
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            log.append("line ").append(i).append('\n');
        }
        Files.writeString(directory.resolve("worker.log"), log);

        model.show(run.id());

        assertThat(model.titleProperty().get()).isEqualTo("tabular on ads.csv");
        assertThat(model.statusTextProperty().get()).startsWith("Running · Local CPU · tabular · 3 epochs");
        assertThat(model.details()).contains(new KeyValue("epochs", "3"), new KeyValue("learning_rate", "0.003"),
                new KeyValue("Experiment", "ctr"), new KeyValue("last epoch val_auc", "0.7400"));
        assertThat(model.seriesProperty().get()).filteredOn(s -> s.key().equals("val_auc"))
                .singleElement().satisfies(s -> assertThat(s.points()).hasSize(2));
        assertThat(model.artifacts()).extracting(Artifact::kind).containsExactly("model");
        // The last 40 lines of the worker's log.
        assertThat(model.logProperty().get()).startsWith("line 21\n").endsWith("line 60");
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.canCancelProperty().get()).isTrue();
        assertThat(model.canResumeProperty().get()).isFalse();
        assertThat(model.canDeleteProperty().get()).isFalse();
        assertThat(model.isActive()).isTrue();
    }

    @Test
    void aFailedRunShowsWhyAndMayBeResumedOrDeleted() {
        Run run = runs.run("failing", null, Map.of("epochs", "2"));
        runs.moveTo(run.id(), RunStatus.FAILED, "The worker stopped: out of memory");

        model.show(run.id());

        assertThat(model.errorProperty().get()).isEqualTo("The worker stopped: out of memory");
        assertThat(model.progressTextProperty().get()).startsWith("Failed");
        assertThat(model.canCancelProperty().get()).isFalse();
        assertThat(model.canResumeProperty().get()).isTrue();
        assertThat(model.canDeleteProperty().get()).isTrue();

        model.delete();

        assertThat(runs.history.findRun(run.id())).isEmpty();
        assertThat(model.runIdProperty().get()).isNull();
        assertThat(model.details()).isEmpty();
        assertThat(notifications.shown()).isEmpty();
    }

    @Test
    void aSucceededRunIsDoneAndMayOnlyBeDeleted() {
        Run run = runs.run("done", null, Map.of("epochs", "2"));
        runs.moveTo(run.id(), RunStatus.SUCCEEDED, null);

        model.show(run.id());

        assertThat(model.progressProperty().get()).isEqualTo(1.0);
        assertThat(model.progressTextProperty().get()).startsWith("Succeeded");
        assertThat(model.canCancelProperty().get()).isFalse();
        assertThat(model.canResumeProperty().get()).isFalse();
        assertThat(model.canDeleteProperty().get()).isTrue();
        assertThat(model.isActive()).isFalse();
    }

    @Test
    void aQueuedRunIsCancelledAndAnActionItsStatusForbidsIsReported() {
        Run run = runs.run("queued", null, Map.of("epochs", "2"));
        model.show(run.id());
        assertThat(model.progressTextProperty().get()).isEqualTo("Waiting for a free worker");
        assertThat(model.canCancelProperty().get()).isTrue();

        model.cancel();

        assertThat(runs.history.run(run.id()).status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(model.canCancelProperty().get()).isFalse();
        // A cancelled run may go on from its last checkpoint.
        assertThat(model.canResumeProperty().get()).isTrue();

        model.cancel();
        assertThat(notifications.shown()).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("only queued or running runs can be cancelled"));
    }
}
