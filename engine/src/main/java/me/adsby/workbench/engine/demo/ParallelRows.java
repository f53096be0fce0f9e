package me.adsby.workbench.engine.demo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Runs a task for rows {@code 0 .. rows-1} on a few worker threads. Each worker asks for cancellation before
 * each row; progress counts finished rows, reported in increasing order under a lock. When a row fails or
 * work is cancelled, the other workers stop after their current row, and {@link #run} returns only when every
 * worker has stopped, so the caller may then delete what they were writing.
 */
final class ParallelRows {

    /** The work of one row. */
    @FunctionalInterface
    interface RowTask {
        void run(int row) throws IOException;
    }

    private ParallelRows() {
    }

    /** Workers for {@code rows} rows on this machine: its processors, at most 8, at most one per row. */
    static int defaultThreads(int rows) {
        return Math.max(1, Math.min(rows, Math.min(8, Runtime.getRuntime().availableProcessors())));
    }

    static void run(int rows, int threads, RowTask task, ProgressListener progress, Cancellation cancel,
            String message) throws IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Object progressLock = new Object();
        int[] done = {0};
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        List<Future<?>> workers = new ArrayList<>(threads);
        try {
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int row = next.getAndIncrement(); row < rows && !stop.get(); row = next.getAndIncrement()) {
                        if (cancel.isCancelled()) {
                            stop.set(true);
                            throw new CancellationException("Cancelled");
                        }
                        task.run(row);
                        synchronized (progressLock) {
                            done[0]++;
                            progress.report(done[0], rows, message);
                        }
                    }
                    return null;
                }));
            }
        } finally {
            pool.shutdown();
        }
        Throwable failure = null;
        boolean interrupted = false;
        for (Future<?> worker : workers) {
            while (true) {
                try {
                    worker.get();
                    break;
                } catch (ExecutionException e) {
                    stop.set(true);
                    failure = failure == null ? e.getCause() : failure;
                    break;
                } catch (InterruptedException e) {
                    stop.set(true);
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            InterruptedIOException e = new InterruptedIOException("Interrupted while writing rows");
            if (failure != null) {
                e.addSuppressed(failure);
            }
            throw e;
        }
        rethrow(failure);
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IOException(failure);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "demo-rows-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
