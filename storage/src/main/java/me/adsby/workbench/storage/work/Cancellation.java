package me.adsby.workbench.storage.work;

import java.util.concurrent.CancellationException;

/**
 * Asked by long work, between units, whether it should stop. Work that sees a cancellation stops promptly,
 * cleans up what it wrote partially, and throws {@link CancellationException}.
 */
@FunctionalInterface
public interface Cancellation {

    /** A cancellation that never happens. */
    Cancellation NEVER = () -> false;

    boolean isCancelled();

    /** Throws {@link CancellationException} when cancelled. */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException("Cancelled");
        }
    }
}
