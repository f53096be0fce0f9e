package me.adsby.workbench.app.task;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import me.adsby.workbench.storage.work.CancellationToken;
import me.adsby.workbench.storage.work.Progress;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * A task while it runs: its title, and its progress as observable properties for the status bar.
 *
 * <p>The worker reports progress as often as it likes; only the latest value is kept, and at most one update
 * is queued for the FX thread at a time, so a fast worker never floods the UI.
 */
public final class RunningTask implements TaskHandle, ProgressListener {

    private final String title;
    private final CancellationToken cancellation = new CancellationToken();
    private final Consumer<Runnable> fxThread;
    private final AtomicReference<Progress> latest = new AtomicReference<>(Progress.indeterminate(""));
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");

    /** @param fxThread runs an action on the FX thread ({@code Platform::runLater} in the app) */
    public RunningTask(String title, Consumer<Runnable> fxThread) {
        this.title = title;
        this.fxThread = fxThread;
    }

    public String title() {
        return title;
    }

    /** Fraction done in [0, 1], or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    CancellationToken cancellation() {
        return cancellation;
    }

    @Override
    public void cancel() {
        cancellation.cancel();
        fxThread.accept(() -> message.set("Cancelling…"));
    }

    @Override
    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    /** Called by the worker, on its thread. */
    @Override
    public void onProgress(Progress update) {
        latest.set(update);
        if (updateQueued.compareAndSet(false, true)) {
            fxThread.accept(this::showLatest);
        }
    }

    private void showLatest() {
        updateQueued.set(false);
        Progress shown = latest.get();
        progress.set(shown.fraction());
        if (!cancellation.isCancelled()) {
            message.set(shown.message());
        }
    }
}
