package me.adsby.workbench.storage.history;

/** The run history could not do what was asked; the message says what, the cause why. */
public class RunHistoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunHistoryException(String message) {
        super(message);
    }

    public RunHistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
