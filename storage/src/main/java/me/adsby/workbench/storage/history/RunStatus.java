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
 * CANCELLED   -&gt; QUEUED   (resume what was stopped, from its last checkpoint)
 * SUCCEEDED: final, nothing leaves it
 * </pre>
 *
 * A cancelled run may be resumed: stopping a long run to free the machine, then going on where it stopped, is
 * what checkpoints are for. Its log keeps the cancel and the resume.
 */
public enum RunStatus {
    QUEUED,
    STARTING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    INTERRUPTED;

    /** The states this one may move to; empty for SUCCEEDED. */
    public Set<RunStatus> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(STARTING, CANCELLED);
            case STARTING -> EnumSet.of(RUNNING, FAILED, CANCELLED, INTERRUPTED);
            case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, CANCELLED, INTERRUPTED);
            case INTERRUPTED, FAILED, CANCELLED -> EnumSet.of(QUEUED);
            case SUCCEEDED -> EnumSet.noneOf(RunStatus.class);
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
