package me.adsby.workbench.storage.work;

/**
 * Receives progress from long work. Called on the worker's thread, possibly often: implementations must be
 * cheap and thread-safe (the desktop app coalesces updates before it touches the UI).
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = progress -> { };

    void onProgress(Progress progress);

    /** Convenience for {@code onProgress(new Progress(done, total, message))}. */
    default void report(long done, long total, String message) {
        onProgress(new Progress(done, total, message));
    }
}
