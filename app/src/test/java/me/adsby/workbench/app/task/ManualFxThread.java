package me.adsby.workbench.app.task;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Stands in for the FX thread: collects the actions posted to it, and runs them when the test says. */
final class ManualFxThread implements Consumer<Runnable> {

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void accept(Runnable action) {
        queue.add(action);
    }

    int pending() {
        return queue.size();
    }

    /** Runs what is queued now. */
    void runPending() {
        Runnable action;
        while ((action = queue.poll()) != null) {
            action.run();
        }
    }

    /** Waits for the next posted action (up to 10 s) and runs it. */
    void runNext() throws InterruptedException {
        Runnable action = queue.poll(10, TimeUnit.SECONDS);
        if (action == null) {
            throw new AssertionError("nothing was posted to the FX thread within 10 s");
        }
        action.run();
    }
}
