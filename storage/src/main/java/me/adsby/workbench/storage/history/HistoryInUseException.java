package me.adsby.workbench.storage.history;

import java.nio.file.Path;

/**
 * Another Workbench (another process, or another {@link RunHistory} in this one) already has this home's run
 * history open. See ADR 9: the second instance is refused with this message rather than sharing the database.
 */
public class HistoryInUseException extends RunHistoryException {

    private static final long serialVersionUID = 1L;

    private final transient Path folder;

    public HistoryInUseException(Path folder, String holder) {
        super("Workbench is already open on this home (" + folder + ", " + holder + "): close it first");
        this.folder = folder;
    }

    /** The history folder that is in use. */
    public Path folder() {
        return folder;
    }
}
