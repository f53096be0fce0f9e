package me.adsby.workbench.app.task;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@link TaskExecutor}: named daemon threads for the work, {@link Platform#runLater} for the
 * outcome. A failure that its task does not handle is logged and passed to the fallback (a notification).
 * A task cancelled while it ran ends with its cancel handler, even if the work finished: a stale result is
 * never delivered. A task submitted after {@link #shutdown()} ends the same way, without running.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService threads;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final ObservableList<RunningTask> runningView = FXCollections.unmodifiableObservableList(running);
    private final BiConsumer<String, Throwable> unhandledFailure;
    private final Consumer<Runnable> fxThread;

    /** @param unhandledFailure told, on the FX thread, the title and failure of a task without a failure handler */
    public FxTaskExecutor(BiConsumer<String, Throwable> unhandledFailure) {
        this(unhandledFailure, Platform::runLater, Executors.newCachedThreadPool(new NamedDaemons("workbench-task-")));
    }

    /**
     * An executor that runs at most {@code threads} tasks at once and queues the rest: for many small jobs
     * such as thumbnails, which should not each get a thread.
     */
    public static FxTaskExecutor bounded(String name, int threads, BiConsumer<String, Throwable> unhandledFailure) {
        return new FxTaskExecutor(unhandledFailure, Platform::runLater,
                Executors.newFixedThreadPool(threads, new NamedDaemons("workbench-" + name + "-")));
    }

    FxTaskExecutor(BiConsumer<String, Throwable> unhandledFailure, Consumer<Runnable> fxThread) {
        this(unhandledFailure, fxThread, Executors.newCachedThreadPool(new NamedDaemons("workbench-task-")));
    }

    private FxTaskExecutor(BiConsumer<String, Throwable> unhandledFailure, Consumer<Runnable> fxThread,
            ExecutorService threads) {
        this.unhandledFailure = unhandledFailure;
        this.fxThread = fxThread;
        this.threads = threads;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        RunningTask handle = new RunningTask(task.title(), fxThread);
        if (task.shownInStatusBar()) {
            running.add(handle);
        }
        try {
            threads.execute(() -> runOffFxThread(task, handle));
        } catch (RejectedExecutionException shutDown) {
            // Submitted after shutdown (a run's change noticed while the app closes): its work never runs.
            handle.cancellation().cancel();
            finish(handle, task::cancelled);
        }
        return handle;
    }

    private <T> void runOffFxThread(BackgroundTask<T> task, RunningTask handle) {
        if (handle.isCancelled()) {
            finish(handle, task::cancelled);  // cancelled while it waited for a thread
            return;
        }
        try {
            T result = task.work().run(handle, handle.cancellation());
            if (handle.isCancelled()) {
                // Cancelled while it ran but finished anyway: its result is no longer wanted.
                finish(handle, task::cancelled);
            } else {
                finish(handle, () -> task.succeeded(result));
            }
        } catch (CancellationException cancelled) {
            LOG.info("Cancelled: {}", task.title());
            finish(handle, task::cancelled);
        } catch (Throwable failure) {
            if (handle.isCancelled()) {
                LOG.info("Cancelled: {} (stopped with {})", task.title(), failure.toString());
                finish(handle, task::cancelled);
                return;
            }
            LOG.error("Failed: {}", task.title(), failure);
            finish(handle, () -> {
                if (!task.failed(failure)) {
                    unhandledFailure.accept(task.title(), failure);
                }
            });
        }
    }

    private void finish(RunningTask handle, Runnable outcome) {
        fxThread.accept(() -> {
            running.remove(handle);
            try {
                outcome.run();
            } catch (RuntimeException e) {
                LOG.error("A handler of '{}' failed", handle.title(), e);
                unhandledFailure.accept(handle.title(), e);
            }
        });
    }

    @Override
    public ObservableList<RunningTask> running() {
        return runningView;
    }

    @Override
    public void shutdown() {
        running.forEach(RunningTask::cancel);
        threads.shutdown();
    }

    private static final class NamedDaemons implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();
        private final String prefix;

        NamedDaemons(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught in {}", t.getName(), e));
            return thread;
        }
    }
}
