package me.adsby.workbench.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import me.adsby.workbench.engine.about.VersionInfo;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.WriteCondition;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.storage.history.NewRun;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunQuery;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.TrainingTarget;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs as Workbench manages them: starts them in local worker processes through a queue, asks them to stop,
 * resumes and deletes them, and carries their events into the history every second. On start it re-attaches
 * to workers still alive and marks the others INTERRUPTED, after ingesting what they wrote. Thread-safe;
 * listeners are told on the manager's own threads.
 */
public final class RunManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunManager.class);
    private static final EnumSet<RunStatus> ACTIVE = EnumSet.of(RunStatus.STARTING, RunStatus.RUNNING);
    /** Lines of a dead worker's log kept in the run's error. */
    static final int LOG_LINES_IN_ERROR = 12;

    /** Told when a run changed (its status, metrics or progress). */
    @FunctionalInterface
    public interface Listener {
        void runChanged(String runId);
    }

    private final WorkbenchHome home;
    private final RunHistory history;
    private final BlobStores stores;
    private final LocalLauncher launcher;
    private final GpuProbe gpu;
    private final Clock clock;
    private final RunIngestor ingestor;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "run-ingest");
        thread.setDaemon(true);
        return thread;
    });

    public RunManager(WorkbenchHome home, RunHistory history, BlobStores stores, WorkerCommandLine workers,
            int concurrency, GpuProbe gpu, Clock clock) {
        this.home = home;
        this.history = history;
        this.stores = stores;
        this.gpu = gpu;
        this.clock = clock;
        this.ingestor = new RunIngestor(history);
        this.launcher = new LocalLauncher(workers, concurrency, new LauncherEvents());
    }

    /** Re-attaches to the runs that were active when Workbench last stopped, and starts ingesting every second. */
    public void start() {
        reattach();
        poller.scheduleWithFixedDelay(this::ingestActive, 1, 1, TimeUnit.SECONDS);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public RunHistory history() {
        return history;
    }

    /** Whether a GPU run is possible here, and why not. */
    public GpuProbe.Availability gpuAvailability() {
        return gpu.check();
    }

    /** Creates the run, writes its run directory and queues it. */
    public Run start(RunRequest request) throws IOException {
        Optional<Path> gpuNatives = Optional.empty();
        if (request.target() == TrainingTarget.LOCAL_GPU) {
            GpuProbe.Availability availability = gpu.check();
            if (!availability.available()) {
                throw new IllegalArgumentException("Cannot train on the local GPU: " + availability.reason());
            }
            gpuNatives = availability.gpuNatives();
        }
        BlobUri dataset = BlobUri.parse(request.dataset());
        BlobStore datasetStore = stores.forUri(dataset);
        var object = datasetStore.stat(dataset).orElseThrow(() -> new IOException(dataset + ": no such file"));
        RequestCheck.check(stores, request);
        Schema schema = request.schema() != null ? request.schema()
                : SchemaStore.of(home).effective(datasetStore, dataset, ProgressListener.NONE, Cancellation.NEVER).schema();
        Run run = history.createRun(new NewRun(request.displayName(), request.experiment(), request.target(),
                home.runs().resolve(NewRun.RUN_ID).toString(), request.recipe().name().toLowerCase(java.util.Locale.ROOT),
                RecordedParams.of(request)));
        RunDirectory directory = directoryOf(run);
        new RunSpec(run.id(), run.name(), run.experiment(), dataset.toString(), request.label(), request.imageColumn(),
                request.exclude(), request.recipe(), request.hyperparameters(), request.validationFraction(),
                request.maxBadRows(), request.target().id(), VersionInfo.workbench(), request.split(), request.selectBy().id(),
                schema, request.calibrate())
                .write(stores.forUri(directory.root()), directory);
        history.putProvenance(run.id(), RunProvenance.of(datasetStore, object, request.hyperparameters().seed()));
        launcher.enqueue(run.id(), directory, gpuNatives);
        notifyChanged(run.id());
        return run;
    }

    /** Stops a run: a queued one at once, a running one at its next batch (through its run directory). */
    public void cancel(String runId) throws IOException {
        Run run = history.run(runId);
        if (run.status() == RunStatus.QUEUED) {
            launcher.dequeue(runId);
            history.transition(runId, RunStatus.QUEUED, RunStatus.CANCELLED);
        } else if (ACTIVE.contains(run.status())) {
            RunDirectory directory = directoryOf(run);
            stores.forUri(directory.root()).write(directory.cancelRequest(),
                    new java.io.ByteArrayInputStream(new byte[0]), null, WriteCondition.NONE);
        } else {
            throw new IllegalArgumentException("Run " + runId + " is " + run.status() + "; only queued or running runs "
                    + "can be cancelled");
        }
        notifyChanged(runId);
    }

    /** Queues a failed, interrupted or cancelled run again; its worker goes on from its last checkpoint. */
    public void resume(String runId) throws IOException {
        Run run = history.run(runId);
        if (!history.transition(runId, run.status(), RunStatus.QUEUED)) {
            throw new IllegalStateException("Run " + runId + " changed while it was being resumed; try again");
        }
        RunDirectory directory = directoryOf(run);
        BlobStore store = stores.forUri(directory.root());
        if (store.stat(directory.cancelRequest()).isPresent()) {
            store.delete(directory.cancelRequest(), WriteCondition.NONE);
        }
        launcher.enqueue(runId, directory, run.target() == TrainingTarget.LOCAL_GPU ? gpu.check().gpuNatives()
                : Optional.empty());
        notifyChanged(runId);
    }

    /** Deletes a stopped run: its history and its run directory's files. */
    public void delete(String runId) throws IOException {
        Run run = history.run(runId);
        if (ACTIVE.contains(run.status()) || run.status() == RunStatus.QUEUED) {
            throw new IllegalArgumentException("Run " + runId + " is " + run.status() + "; cancel it before deleting it");
        }
        RunDirectory directory = directoryOf(run);
        if (!directory.root().isGcs()) {
            deleteTree(directory.root().toPath());
        }
        history.deleteRun(runId);
        ingestor.forget(runId);
        notifyChanged(runId);
    }

    /** How far the run has come, from its last events. */
    public RunProgress progress(String runId) {
        return ingestor.progress(runId);
    }

    /** The last lines of the run's worker log (empty when it has none yet). */
    public List<String> logTail(String runId, int lines) throws IOException {
        Path log = directoryOf(history.run(runId)).root().toPath().resolve("worker.log");
        if (!Files.isRegularFile(log)) {
            return List.of();
        }
        List<String> all = Files.readAllLines(log);
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }

    public RunDirectory directoryOf(Run run) {
        return new RunDirectory(BlobUri.parse(run.runDirectory()));
    }

    /** Ingests the run's new events now (the poller does so every second for active runs). */
    public void ingest(String runId) {
        try {
            Run run = history.run(runId);
            RunDirectory directory = directoryOf(run);
            if (ingestor.ingest(runId, stores.forUri(directory.root()), directory)) {
                notifyChanged(runId);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot ingest the events of {}", runId, e);
        }
    }

    private void ingestActive() {
        for (Run run : activeRuns()) {
            ingest(run.id());
        }
    }

    private List<Run> activeRuns() {
        return history.runs(RunQuery.firstPage(RunQuery.MAX_LIMIT).withStatuses(ACTIVE)).rows().stream()
                .map(row -> row.run()).toList();
    }

    private void reattach() {
        for (Run run : history.runs(RunQuery.firstPage(RunQuery.MAX_LIMIT)
                .withStatuses(EnumSet.of(RunStatus.QUEUED, RunStatus.STARTING, RunStatus.RUNNING))).rows().stream()
                .map(row -> row.run()).sorted(Comparator.comparing(Run::created)).toList()) {
            RunDirectory directory = directoryOf(run);
            if (run.status() == RunStatus.QUEUED) {
                launcher.enqueue(run.id(), directory, Optional.empty());
                continue;
            }
            ingest(run.id());
            try {
                Optional<Heartbeat> beat = Heartbeat.read(stores.forUri(directory.root()), directory);
                boolean alive = beat.isPresent() && alive(beat.get());
                if (alive) {
                    LOG.info("Re-attached to the worker of {} (pid {})", run.id(), beat.get().pid());
                    ProcessHandle.of(beat.get().pid()).ifPresent(process -> process.onExit()
                            .thenRun(() -> workerEnded(run.id(), "its worker (pid " + beat.get().pid() + ") ended")));
                } else {
                    interruptIfActive(run.id(), "its worker stopped while Workbench was not watching");
                }
            } catch (IOException e) {
                interruptIfActive(run.id(), "its run directory cannot be read: " + e.getMessage());
            }
        }
    }

    /**
     * Marks INTERRUPTED every STARTING or RUNNING run whose worker is gone, as {@link #start} does, without
     * attaching to the live ones or starting queued ones: for commands that only read or change the history
     * ({@code runs list}, {@code show}, {@code cancel}, {@code delete}) after the process that ran a worker was
     * killed. A run counts as gone when its heartbeat is older than {@link Heartbeat#STALE_AFTER}, or names a
     * process on this host that has ended, or when it has none and started longer ago than that.
     */
    public void markStaleRuns() {
        for (Run run : history.runs(RunQuery.firstPage(RunQuery.MAX_LIMIT)
                .withStatuses(EnumSet.of(RunStatus.STARTING, RunStatus.RUNNING))).rows().stream().map(row -> row.run())
                .toList()) {
            RunDirectory directory = directoryOf(run);
            try {
                Optional<Heartbeat> beat = Heartbeat.read(stores.forUri(directory.root()), directory);
                Instant since = run.started() != null ? run.started() : run.created();
                boolean gone = beat.isPresent() ? !alive(beat.get())
                        : java.time.Duration.between(since, clock.instant()).compareTo(Heartbeat.STALE_AFTER) > 0;
                if (gone) {
                    ingest(run.id());
                    interruptIfActive(run.id(), beat.isPresent()
                            ? "its worker stopped (last heartbeat " + beat.get().time() + " from pid " + beat.get().pid()
                                    + " on " + beat.get().host() + ")"
                            : "its worker never reported a heartbeat");
                }
            } catch (IOException e) {
                LOG.warn("Cannot read the heartbeat of {}", run.id(), e);
            }
        }
    }

    private boolean alive(Heartbeat beat) {
        return beat.alive(clock.instant(), CancelWatch.hostName(),
                pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    private void interruptIfActive(String runId, String reason) {
        Run now = history.run(runId);
        if (ACTIVE.contains(now.status())) {
            history.transition(runId, now.status(), RunStatus.INTERRUPTED, reason);
            notifyChanged(runId);
        }
    }

    /** After a worker process ended: ingest what it wrote; a run still active then failed. */
    private void workerEnded(String runId, String how) {
        ingest(runId);
        Run now = history.run(runId);
        if (ACTIVE.contains(now.status())) {
            String tail;
            try {
                tail = String.join("\n", logTail(runId, LOG_LINES_IN_ERROR));
            } catch (IOException e) {
                tail = "(its log cannot be read: " + e.getMessage() + ")";
            }
            history.transition(runId, now.status(), RunStatus.FAILED, "The worker stopped without finishing the run ("
                    + how + "). The end of its log:\n" + tail);
        }
        notifyChanged(runId);
    }


    private void notifyChanged(String runId) {
        for (Listener listener : listeners) {
            try {
                listener.runChanged(runId);
            } catch (RuntimeException e) {
                LOG.warn("A run listener failed", e);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = new ArrayList<>(walk.toList());
        }
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete " + path, e);
            }
        }
    }

    /** Stops watching; workers still running go on, and the next start re-attaches to them. */
    @Override
    public void close() {
        poller.shutdownNow();
        launcher.close();
    }

    private final class LauncherEvents implements LocalLauncher.Listener {
        @Override
        public void started(String runId, long pid) {
            history.transition(runId, RunStatus.QUEUED, RunStatus.STARTING);
            notifyChanged(runId);
        }

        @Override
        public void ended(String runId, int exitCode) {
            workerEnded(runId, "exit status " + exitCode);
        }

        @Override
        public void couldNotStart(String runId, IOException reason) {
            history.transition(runId, RunStatus.QUEUED, RunStatus.FAILED, "The worker could not start: "
                    + reason.getMessage());
            notifyChanged(runId);
        }
    }
}
