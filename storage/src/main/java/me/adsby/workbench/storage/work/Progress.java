package me.adsby.workbench.storage.work;

/**
 * A snapshot of how far some work has come.
 *
 * @param done    units finished so far, {@code >= 0}
 * @param total   units in all, or {@code -1} when unknown
 * @param message what is being done, for people
 */
public record Progress(long done, long total, String message) {

    public Progress {
        if (done < 0) {
            throw new IllegalArgumentException("done must be >= 0, was " + done);
        }
        if (total < -1) {
            throw new IllegalArgumentException("total must be >= -1, was " + total);
        }
        message = message == null ? "" : message;
    }

    /** A progress of unknown extent. */
    public static Progress indeterminate(String message) {
        return new Progress(0, -1, message);
    }

    /** The fraction done in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
        if (total < 0) {
            return -1;
        }
        if (total == 0) {
            return 1;
        }
        return Math.min(1.0, (double) done / total);
    }
}
