package me.adsby.workbench.storage.history;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of a run, and the moves between states that the history allows.
 *
 * <pre>
 * QUEUED      -&gt; STARTING | CANCELLED
 * STARTING    -&gt; RUNNING | FAILED | CANCELLED | INTERRUPTED
 * RUNNING     -&gt; SUCCEEDED | FAILED | CANCELLED | INTERRUPTED
 * INTERRUPTED -&gt; QUEUED   (resume from the last checkpoint)
 * FAILED      -&gt; QUEUED   (resume after fixing the cause)
 * SUCCEEDED, CANCELLED: final, nothing leaves them
 * </pre>
 *
 * A cancelled run is final on purpose: the user chose to stop it, and a new run (with the same spec) is the
 * honest way to try again, so the cancelled one stays in the table as it was.
 */
public enum RunStatus {
    QUEUED,
    STARTING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    INTERRUPTED;

    /** The states this one may move to; empty for SUCCEEDED and CANCELLED. */
    public Set<RunStatus> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(STARTING, CANCELLED);
            case STARTING -> EnumSet.of(RUNNING, FAILED, CANCELLED, INTERRUPTED);
            case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, CANCELLED, INTERRUPTED);
            case INTERRUPTED, FAILED -> EnumSet.of(QUEUED);
            case SUCCEEDED, CANCELLED -> EnumSet.noneOf(RunStatus.class);
        };
    }

    public boolean canMoveTo(RunStatus target) {
        return next().contains(target);
    }

    /** Whether the run has stopped: it is SUCCEEDED, FAILED, CANCELLED or INTERRUPTED. */
    public boolean isStopped() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == INTERRUPTED;
    }
}
