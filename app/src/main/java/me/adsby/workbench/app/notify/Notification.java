package me.adsby.workbench.app.notify;

/**
 * A message for the user, shown without blocking the window.
 *
 * @param details more for those who want it (causes, where the log is); empty when there is nothing more
 */
public record Notification(Level level, String title, String message, String details) {

    public enum Level { INFO, ERROR }
}
