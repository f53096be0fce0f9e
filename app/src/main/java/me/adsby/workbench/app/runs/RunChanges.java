package me.adsby.workbench.app.runs;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

/**
 * Carries the run manager's change notices (told on its threads, sometimes many a second) to the FX thread:
 * the ids are gathered, and handed on together at most once per {@link #PERIOD}.
 */
public final class RunChanges {

    /** The shortest time between two hand-overs. */
    static final Duration PERIOD = Duration.millis(250);

    private final Consumer<Set<String>> receiver;
    private final Set<String> pending = new LinkedHashSet<>();
    private boolean scheduled;

    /** @param receiver told on the FX thread with the ids of the runs that changed */
    public RunChanges(Consumer<Set<String>> receiver) {
        this.receiver = receiver;
    }

    /** Notes that a run changed; any thread. */
    public void runChanged(String runId) {
        synchronized (pending) {
            pending.add(runId);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        Platform.runLater(() -> {
            PauseTransition wait = new PauseTransition(PERIOD);
            wait.setOnFinished(event -> handOver());
            wait.play();
        });
    }

    private void handOver() {
        Set<String> changed;
        synchronized (pending) {
            changed = new LinkedHashSet<>(pending);
            pending.clear();
            scheduled = false;
        }
        receiver.accept(changed);
    }
}
