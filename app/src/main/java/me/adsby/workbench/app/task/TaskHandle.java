package me.adsby.workbench.app.task;

/** A submitted task, as its submitter sees it. */
public interface TaskHandle {

    /** Asks the work to stop; it stops at its next cancellation check and then its cancel handler runs. */
    void cancel();

    boolean isCancelled();
}
