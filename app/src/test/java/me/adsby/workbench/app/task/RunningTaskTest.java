package me.adsby.workbench.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunningTaskTest {

    @Test
    void manyUpdatesQueueOneFxActionThatShowsTheLatest() {
        ManualFxThread fx = new ManualFxThread();
        RunningTask task = new RunningTask("Writing", fx);

        for (int i = 1; i <= 1000; i++) {
            task.report(i, 4000, "row " + i);
        }

        assertThat(fx.pending()).isEqualTo(1);
        fx.runPending();
        assertThat(task.progressProperty().get()).isEqualTo(0.25);  // 1000 of 4000
        assertThat(task.messageProperty().get()).isEqualTo("row 1000");

        task.report(2000, 4000, "row 2000");
        assertThat(fx.pending()).as("a new update may be queued once the last was shown").isEqualTo(1);
    }

    @Test
    void cancellingSaysSoAndReachesTheWork() {
        ManualFxThread fx = new ManualFxThread();
        RunningTask task = new RunningTask("Writing", fx);

        task.cancel();
        fx.runPending();

        assertThat(task.isCancelled()).isTrue();
        assertThat(task.cancellation().isCancelled()).isTrue();
        assertThat(task.messageProperty().get()).isEqualTo("Cancelling…");
    }
}
