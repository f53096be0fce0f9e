package me.adsby.workbench.storage.work;

/** Turns a failure into words for people: its message and its causes' messages, without a stack trace. */
public final class Failures {

    private Failures() {
    }

    /**
     * The messages of the failure and its causes, joined by ": ", each said once. A failure without a
     * message is named by its type.
     */
    public static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank()
                    ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }
}
