package me.adsby.workbench.storage.history;

import java.nio.file.Path;

/** Run as a second process by {@link SecondInstanceTest}: opens the history in the folder given and says what happened. */
public final class OpenHistoryProbe {

    private OpenHistoryProbe() {
    }

    public static void main(String[] args) {
        try (RunHistory history = RunHistory.open(Path.of(args[0]))) {
            System.out.println("opened " + history.folder());
        } catch (HistoryInUseException e) {
            System.out.println(e.getMessage());
            System.exit(3);
        }
    }
}
