package me.adsby.workbench.storage.history;

/** A move between run states that {@link RunStatus#canMoveTo} forbids, such as SUCCEEDED to RUNNING. */
public class IllegalRunTransitionException extends RunHistoryException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final RunStatus from;
    private final RunStatus to;

    public IllegalRunTransitionException(String runId, RunStatus from, RunStatus to) {
        super("run " + runId + " cannot move from " + from + " to " + to
                + (from.next().isEmpty() ? " (" + from + " is final)" : " (allowed: " + from.next() + ")"));
        this.runId = runId;
        this.from = from;
        this.to = to;
    }

    public String runId() {
        return runId;
    }

    public RunStatus from() {
        return from;
    }

    public RunStatus to() {
        return to;
    }
}
