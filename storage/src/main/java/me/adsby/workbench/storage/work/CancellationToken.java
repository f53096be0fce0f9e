package me.adsby.workbench.storage.work;

/** A {@link Cancellation} that someone cancels. Thread-safe. */
public final class CancellationToken implements Cancellation {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }
}
