package me.adsby.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts local worker processes from a queue, at most {@code concurrency} at once (one by default on a
 * 2-core machine: a run uses both cores). Each worker's output goes to {@code worker.log} in its run directory.
 * Thread-safe.
 */
public final class LocalLauncher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalLauncher.class);

    /** Told when a queued run's worker starts, and when a worker process ends. Called on launcher threads. */
    public interface Listener {
        void started(String runId, long pid);

        void ended(String runId, int exitCode);

        void couldNotStart(String runId, IOException reason);
    }

    private record Job(String runId, RunDirectory directory, Optional<Path> gpuNatives) {
    }

    private final WorkerCommandLine commandLine;
    private final int concurrency;
    private final Listener listener;
    private final Queue<Job> queue = new ArrayDeque<>();
    private final Map<String, Process> running = new HashMap<>();
    private boolean closed;

    public LocalLauncher(WorkerCommandLine commandLine, int concurrency, Listener listener) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.commandLine = commandLine;
        this.concurrency = concurrency;
        this.listener = listener;
    }

    /** The default: one run at a time up to 4 cores, then one per 4 cores. */
    public static int defaultConcurrency() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 4);
    }

    /** Queues a run; it starts as soon as fewer than {@code concurrency} workers run. Local run directories only. */
    public synchronized void enqueue(String runId, RunDirectory directory, Optional<Path> gpuNatives) {
        if (directory.root().isGcs()) {
            throw new IllegalArgumentException("A local worker needs a local run directory, not " + directory.root());
        }
        queue.add(new Job(runId, directory, gpuNatives));
        startWhatFits();
    }

    /** Takes a run out of the queue before it starts; false when it is not queued. */
    public synchronized boolean dequeue(String runId) {
        return queue.removeIf(job -> job.runId().equals(runId));
    }

    public synchronized boolean isQueued(String runId) {
        return queue.stream().anyMatch(job -> job.runId().equals(runId));
    }

    public synchronized boolean isRunning(String runId) {
        return running.containsKey(runId);
    }

    /** Ends a worker at once (when asking it to stop through its run directory did not work). */
    public synchronized void kill(String runId) {
        Process process = running.get(runId);
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private synchronized void startWhatFits() {
        while (!closed && running.size() < concurrency && !queue.isEmpty()) {
            Job job = queue.remove();
            try {
                Path folder = Files.createDirectories(job.directory().root().toPath());
                List<String> command = commandLine.command(job.directory(), job.gpuNatives());
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("worker.log").toFile()));
                builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
                Process process = builder.start();
                running.put(job.runId(), process);
                LOG.info("Started the worker of {} (pid {}): {}", job.runId(), process.pid(), command);
                listener.started(job.runId(), process.pid());
                process.onExit().thenAccept(ended -> finished(job.runId(), ended.exitValue()));
            } catch (IOException e) {
                LOG.error("Cannot start the worker of {}", job.runId(), e);
                listener.couldNotStart(job.runId(), e);
            }
        }
    }

    private void finished(String runId, int exitCode) {
        synchronized (this) {
            running.remove(runId);
        }
        LOG.info("The worker of {} ended with {}", runId, exitCode);
        listener.ended(runId, exitCode);
        startWhatFits();
    }

    /** Stops starting workers; running ones go on (a restarted app re-attaches to them). */
    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
    }
}
