package me.adsby.workbench.app.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Runs each task at once on the calling thread; for view-model tests without a toolkit. */
public final class SameThreadTaskExecutor implements TaskExecutor {

    private final List<String> titles = new ArrayList<>();
    private final List<Throwable> unhandled = new ArrayList<>();

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        titles.add(task.title());
        RunningTask handle = new RunningTask(task.title(), Runnable::run);
        try {
            T result = task.work().run(handle, handle.cancellation());
            task.succeeded(result);
        } catch (CancellationException cancelled) {
            task.cancelled();
        } catch (Throwable failure) {
            if (!task.failed(failure)) {
                unhandled.add(failure);
            }
        }
        return handle;
    }

    @Override
    public ObservableList<RunningTask> running() {
        return FXCollections.emptyObservableList();
    }

    @Override
    public void shutdown() {
    }

    /** Titles of the tasks submitted so far, in order. */
    public List<String> titles() {
        return titles;
    }

    /** Failures that no task handled. */
    public List<Throwable> unhandled() {
        return unhandled;
    }
}
