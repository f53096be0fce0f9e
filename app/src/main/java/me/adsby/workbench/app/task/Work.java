package me.adsby.workbench.app.task;

import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/** The part of a {@link BackgroundTask} that runs off the FX thread. */
@FunctionalInterface
public interface Work<T> {

    T run(ProgressListener progress, Cancellation cancel) throws Exception;
}
