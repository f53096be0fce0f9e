package me.adsby.workbench.app.task;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of work for a {@link TaskExecutor}: what to do off the FX thread, and what to do on the FX
 * thread when it succeeds, fails or is cancelled. Immutable; build with {@link #of(String, Work)}.
 *
 * <p>A task without a failure handler has its failure reported by the executor (as a notification).
 */
public final class BackgroundTask<T> {

    private final String title;
    private final Work<T> work;
    private final Consumer<? super T> onSuccess;
    private final Consumer<Throwable> onFailure;
    private final Runnable onCancelled;
    private final boolean shownInStatusBar;

    private BackgroundTask(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
            Runnable onCancelled, boolean shownInStatusBar) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
        this.onCancelled = onCancelled;
        this.shownInStatusBar = shownInStatusBar;
    }

    /** A task shown in the status bar, that ignores its result and reports failures as notifications. */
    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work, result -> { }, null, () -> { }, true);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        return new BackgroundTask<>(title, work, handler, onFailure, onCancelled, shownInStatusBar);
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        return new BackgroundTask<>(title, work, onSuccess, handler, onCancelled, shownInStatusBar);
    }

    public BackgroundTask<T> onCancelled(Runnable handler) {
        return new BackgroundTask<>(title, work, onSuccess, onFailure, handler, shownInStatusBar);
    }

    /** For quick housekeeping (such as saving settings) that should not appear in the status bar. */
    public BackgroundTask<T> quiet() {
        return new BackgroundTask<>(title, work, onSuccess, onFailure, onCancelled, false);
    }

    public String title() {
        return title;
    }

    public Work<T> work() {
        return work;
    }

    public boolean shownInStatusBar() {
        return shownInStatusBar;
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void cancelled() {
        onCancelled.run();
    }

    /** Returns false when the task has no failure handler of its own. */
    boolean failed(Throwable failure) {
        if (onFailure == null) {
            return false;
        }
        onFailure.accept(failure);
        return true;
    }
}
