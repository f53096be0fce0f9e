package me.adsby.workbench.app.task;

import javafx.collections.ObservableList;

/**
 * Runs work off the FX thread and hands its outcome back on the FX thread. Views and view models submit all
 * background work here; they never start threads. Tests use a same-thread implementation.
 */
public interface TaskExecutor {

    /** Starts the task. Call on the FX thread. */
    <T> TaskHandle submit(BackgroundTask<T> task);

    /** The tasks running now that are shown in the status bar; changes on the FX thread only. */
    ObservableList<RunningTask> running();

    /** Cancels what runs and stops accepting work. */
    void shutdown();
}
