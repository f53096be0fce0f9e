package me.adsby.workbench.app.notify;

import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.storage.work.Failures;

/**
 * The notifications on screen, newest last. Used on the FX thread only. Errors carry their causes and
 * where the full log is; stack traces go to the log, never to the screen.
 */
public final class Notifications {

    /** Older notifications give way when more than this many are shown. */
    public static final int MAX_SHOWN = 5;

    private final ObservableList<Notification> shown = FXCollections.observableArrayList();
    private final Path logFile;

    /** @param logFile where the log with full details is written */
    public Notifications(Path logFile) {
        this.logFile = logFile;
    }

    public ObservableList<Notification> shown() {
        return shown;
    }

    public void info(String title, String message) {
        add(new Notification(Notification.Level.INFO, title, message, ""));
    }

    public void error(String title, String message) {
        add(new Notification(Notification.Level.ERROR, title, message, "The log is at " + logFile + "."));
    }

    /** An error from a failure: its message in short, its whole cause chain in the details. */
    public void error(String title, Throwable failure) {
        String message = failure.getMessage() == null ? Failures.describe(failure) : failure.getMessage();
        String details = Failures.describe(failure) + "\n\nThe log, with the full trace, is at " + logFile + ".";
        add(new Notification(Notification.Level.ERROR, title, message, details));
    }

    public void dismiss(Notification notification) {
        shown.remove(notification);
    }

    private void add(Notification notification) {
        shown.add(notification);
        while (shown.size() > MAX_SHOWN) {
            shown.remove(0);
        }
    }
}
