package me.adsby.workbench.engine.run;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.work.Cancellation;

/**
 * The worker's watch on its run directory, on one daemon thread: every second it looks for a cancel request,
 * and every {@link Heartbeat#INTERVAL} it writes the heartbeat. Training asks it between batches.
 */
final class CancelWatch implements Cancellation, AutoCloseable {

    private final ScheduledExecutorService timer;
    private volatile boolean cancelled;

    private CancelWatch(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static CancelWatch start(BlobStore store, RunDirectory directory, Clock clock, EventWriter events, PrintStream log) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "run-watch");
            thread.setDaemon(true);
            return thread;
        });
        CancelWatch watch = new CancelWatch(timer);
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        timer.scheduleWithFixedDelay(() -> {
            try {
                if (store.stat(directory.cancelRequest()).isPresent()) {
                    watch.cancelled = true;
                }
            } catch (IOException e) {
                log.println("Cannot look for a cancel request: " + e.getMessage());
            }
        }, 0, 1, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(() -> {
            try {
                new Heartbeat(pid, host, clock.instant()).write(store, directory);
            } catch (IOException e) {
                log.println("Cannot write the heartbeat: " + e.getMessage());
            }
        }, 0, Heartbeat.INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** This machine's name, as heartbeats and the app's re-attach compare it. */
    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
