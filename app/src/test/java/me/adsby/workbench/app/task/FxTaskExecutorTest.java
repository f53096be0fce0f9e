package me.adsby.workbench.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {

    private final ManualFxThread fx = new ManualFxThread();
    private final List<String> unhandled = new ArrayList<>();
    private final FxTaskExecutor executor = new FxTaskExecutor((title, failure) ->
            unhandled.add(title + ": " + failure.getMessage()), fx);

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    @Test
    void resultArrivesOnTheFxThreadAndTheTaskLeavesTheStatusBar() throws InterruptedException {
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<String> workThread = new AtomicReference<>();

        executor.submit(BackgroundTask.of("Counting", (progress, cancel) -> {
            workThread.set(Thread.currentThread().getName());
            return "42";
        }).onSuccess(result::set));

        assertThat(executor.running()).extracting(RunningTask::title).containsExactly("Counting");
        fx.runNext();
        assertThat(result.get()).isEqualTo("42");
        assertThat(workThread.get()).startsWith("workbench-task-");
        assertThat(executor.running()).isEmpty();
    }

    @Test
    void aFailureWithoutAHandlerGoesToTheFallback() throws InterruptedException {
        executor.submit(BackgroundTask.of("Reading", (progress, cancel) -> {
            throw new IOException("/data/ads.csv: permission denied");
        }));

        fx.runNext();

        assertThat(unhandled).containsExactly("Reading: /data/ads.csv: permission denied");
    }

    @Test
    void aFailureWithAHandlerGoesToTheHandlerOnly() throws InterruptedException {
        AtomicReference<Throwable> seen = new AtomicReference<>();

        executor.submit(BackgroundTask.of("Reading", (progress, cancel) -> {
            throw new IOException("broken");
        }).onFailure(seen::set));
        fx.runNext();

        assertThat(seen.get()).hasMessage("broken");
        assertThat(unhandled).isEmpty();
    }

    @Test
    void aTaskSubmittedAfterShutdownEndsCancelledWithoutRunning() throws InterruptedException {
        List<String> outcome = new ArrayList<>();
        executor.shutdown();

        TaskHandle handle = executor.submit(BackgroundTask.of("Reading runs", (progress, cancel) -> {
            outcome.add("ran");
            return "rows";
        }).onSuccess(result -> outcome.add("success")).onCancelled(() -> outcome.add("cancelled")));
        fx.runNext();

        assertThat(outcome).containsExactly("cancelled");
        assertThat(handle.isCancelled()).isTrue();
        assertThat(executor.running()).isEmpty();
    }

    @Test
    void cancelStopsTheWorkAndRunsTheCancelHandler() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        List<String> outcome = new ArrayList<>();

        TaskHandle handle = executor.submit(BackgroundTask.of("Waiting", (progress, cancel) -> {
            started.countDown();
            while (true) {
                cancel.throwIfCancelled();
                Thread.onSpinWait();
            }
        }).onSuccess(result -> outcome.add("success")).onCancelled(() -> outcome.add("cancelled")));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        handle.cancel();
        fx.runNext();  // "Cancelling…" shown
        fx.runNext();  // the outcome

        assertThat(outcome).containsExactly("cancelled");
        assertThat(executor.running()).isEmpty();
        assertThat(unhandled).isEmpty();
    }

    @Test
    void quietTasksStayOutOfTheStatusBar() throws InterruptedException {
        executor.submit(BackgroundTask.of("Saving settings", (progress, cancel) -> null).quiet());

        assertThat(executor.running()).isEmpty();
        fx.runNext();
    }
}
