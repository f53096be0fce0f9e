package me.adsby.workbench.storage.history;

/** No run with this id is in the history (it never was, or it was deleted). */
public class NoSuchRunException extends RunHistoryException {

    private static final long serialVersionUID = 1L;

    private final String runId;

    public NoSuchRunException(String runId) {
        super("no run " + runId + " in the run history");
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }
}
