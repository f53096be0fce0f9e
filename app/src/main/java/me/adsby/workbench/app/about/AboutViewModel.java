package me.adsby.workbench.app.about;

import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.engine.about.VersionInfo;
import me.adsby.workbench.storage.work.Failures;

/**
 * The versions that About shows. The TensorFlow runtime's version needs its natives loaded (seconds, the
 * first time), so it is read in the background, once.
 */
public final class AboutViewModel {

    static final String LOADING = "loading…";

    private final TaskExecutor tasks;
    private final Supplier<String> tensorflowRuntime;
    private final ReadOnlyStringWrapper runtime = new ReadOnlyStringWrapper(LOADING);
    private boolean runtimeRequested;

    public AboutViewModel(TaskExecutor tasks) {
        this(tasks, VersionInfo::tensorflowRuntime);
    }

    AboutViewModel(TaskExecutor tasks, Supplier<String> tensorflowRuntime) {
        this.tasks = tasks;
        this.tensorflowRuntime = tensorflowRuntime;
    }

    public String workbench() {
        return VersionInfo.workbenchWithPackage();
    }

    public String java() {
        return VersionInfo.java();
    }

    public String javafx() {
        return System.getProperty("javafx.runtime.version", "unknown");
    }

    public String tensorflowJava() {
        return VersionInfo.tensorflowJava();
    }

    public ReadOnlyStringProperty tensorflowRuntimeProperty() {
        return runtime.getReadOnlyProperty();
    }

    /** Starts reading the TensorFlow runtime's version, unless that was done already. */
    public void loadTensorflowRuntime() {
        if (runtimeRequested) {
            return;
        }
        runtimeRequested = true;
        tasks.submit(BackgroundTask.of("Loading TensorFlow", (progress, cancel) -> tensorflowRuntime.get())
                .onSuccess(runtime::set)
                .onFailure(failure -> runtime.set("unavailable: " + Failures.describe(failure)))
                .onCancelled(() -> {
                    runtime.set(LOADING);
                    runtimeRequested = false;
                }));
    }
}
