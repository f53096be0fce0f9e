package me.adsby.workbench.storage.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import me.adsby.workbench.storage.home.OwnerOnly;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The run history: every run, its parameters, provenance, metrics, artifacts, tags and evaluations, in an H2
 * file database in {@code <home>/history} whose schema Flyway migrates ({@code db/history/V*.sql}) at open.
 *
 * <p>One history per home at a time: a second {@link #open} on the same folder, in this process or another,
 * fails with {@link HistoryInUseException} (ADR 9).
 *
 * <p>Thread-safe. Each method is one transaction on a pooled connection (up to {@value Database#MAX_CONNECTIONS}
 * at once), so the UI can read pages while the ingester writes points. Failures are
 * {@link RunHistoryException}s; a run id that is not there is a {@link NoSuchRunException}.
 */
public final class RunHistory implements AutoCloseable {

    static final String DATABASE_NAME = "history";
    static final String MIGRATIONS = "classpath:db/history";

    private final Path folder;
    private final Clock clock;
    private final HistoryLock lock;
    private final Database database;
    private final int migrationsApplied;

    private RunHistory(Path folder, Clock clock, HistoryLock lock, Database database, int migrationsApplied) {
        this.folder = folder;
        this.clock = clock;
        this.lock = lock;
        this.database = database;
        this.migrationsApplied = migrationsApplied;
    }

    /** Opens (creating and migrating as needed) the history in {@code folder}, normally {@code <home>/history}. */
    public static RunHistory open(Path folder) {
        return open(folder, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps runs, transitions and evaluations. */
    public static RunHistory open(Path folder, Clock clock) {
        Path dir = folder.toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            throw new RunHistoryException("run history: the folder's path must not contain ';': " + dir);
        }
        HistoryLock lock;
        try {
            OwnerOnly.folder(dir);
            lock = HistoryLock.acquire(dir, clock);
        } catch (IOException e) {
            throw new RunHistoryException("run history: cannot lock " + dir + ": " + e.getMessage(), e);
        }
        Database database = null;
        try {
            database = new Database(JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve(DATABASE_NAME), "workbench", ""));
            int applied = Flyway.configure().loggers("slf4j").dataSource(database.pool()).locations(MIGRATIONS).load().migrate()
                    .migrationsExecuted;
            restrictFiles(dir);
            return new RunHistory(dir, clock, lock, database, applied);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            closeQuietly(lock, e);
            throw translated(dir, e);
        }
    }

    private static RuntimeException translated(Path dir, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return new HistoryInUseException(dir, "its database is held by another program");
            }
        }
        return e instanceof RunHistoryException ? e
                : new RunHistoryException("run history: cannot open " + dir + ": " + e.getMessage(), e);
    }

    private static void restrictFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    OwnerOnly.file(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(HistoryLock lock, RuntimeException failure) {
        try {
            lock.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** The folder of the database. */
    public Path folder() {
        return folder;
    }

    /** How many migrations this open applied (0 when the schema was already current). */
    int migrationsApplied() {
        return migrationsApplied;
    }

    Database database() {
        return database;
    }

    // Runs

    /** Creates a run in QUEUED with its parameters, its experiment created on first use. */
    public Run createRun(NewRun spec) {
        Objects.requireNonNull(spec, "spec");
        return database.write("creating run '" + spec.name() + "'", c -> RunStore.create(c, spec, clock.instant()));
    }

    public Optional<Run> findRun(String runId) {
        return database.read("reading run " + runId, c -> RunStore.find(c, runId));
    }

    /** The run, or {@link NoSuchRunException}. */
    public Run run(String runId) {
        return database.read("reading run " + runId, c -> RunStore.require(c, runId));
    }

    /** The experiments' names, sorted. */
    public List<String> experiments() {
        return database.read("listing experiments", RunStore::experiments);
    }

    /**
     * Moves the run from {@code from} to {@code to} if, and only if, it is still in {@code from}.
     *
     * @param error why it failed or was interrupted (kept only with FAILED and INTERRUPTED), or null
     * @return true if this call moved it, false if the run had already left {@code from} (another writer won)
     * @throws IllegalRunTransitionException if {@code from} may never move to {@code to}
     */
    public boolean transition(String runId, RunStatus from, RunStatus to, String error) {
        return database.write("moving run " + runId + " to " + to,
                c -> RunStore.transition(c, runId, from, to, error, clock.instant()));
    }

    public boolean transition(String runId, RunStatus from, RunStatus to) {
        return transition(runId, from, to, null);
    }

    /**
     * Moves the run from whatever state it is in now to {@code to} (what {@code workbench runs cancel} needs).
     *
     * @return true if moved, false if another writer moved it between the read and the update
     * @throws IllegalRunTransitionException if its current state may not move to {@code to}
     */
    public boolean moveTo(String runId, RunStatus to, String error) {
        return database.write("moving run " + runId + " to " + to, c -> {
            RunStatus now = RunStore.require(c, runId).status();
            return RunStore.transition(c, runId, now, to, error, clock.instant());
        });
    }

    /** Deletes the run and everything of it (params, points, artifacts, ...); false if it was not there. */
    public boolean deleteRun(String runId) {
        return database.write("deleting run " + runId, c -> RunStore.delete(c, runId));
    }

    // Details

    /** Adds or replaces parameters of the run. */
    public void putParams(String runId, Map<String, String> params) {
        database.write("storing params of run " + runId, c -> {
            RunStore.requireExists(c, runId);
            DetailsStore.putParams(c, runId, params);
            return null;
        });
    }

    /** The ids of the runs whose param {@code key} is {@code value} (the runs of one group, say), oldest first. */
    public List<String> runsWithParam(String key, String value) {
        return database.read("finding runs with " + key + " = " + value, c -> DetailsStore.runsWithParam(c, key, value));
    }

    /** The distinct values of a param across all runs, the one of the newest run first (groups, say). */
    public List<String> paramValues(String key) {
        return database.read("finding the values of param " + key, c -> DetailsStore.paramValues(c, key));
    }

    /** Adds or replaces tags of the run. */
    public void putTags(String runId, Map<String, String> tags) {
        database.write("storing tags of run " + runId, c -> {
            RunStore.requireExists(c, runId);
            DetailsStore.putTags(c, runId, tags);
            return null;
        });
    }

    public boolean removeTag(String runId, String key) {
        return database.write("removing tag " + key + " of run " + runId, c -> DetailsStore.removeTag(c, runId, key));
    }

    /** Stores the run's provenance, replacing any stored before. */
    public void putProvenance(String runId, Provenance provenance) {
        database.write("storing provenance of run " + runId, c -> {
            RunStore.requireExists(c, runId);
            DetailsStore.putProvenance(c, runId, provenance);
            return null;
        });
    }

    /** Adds an artifact, or replaces the run's artifact with the same URI. */
    public void putArtifact(String runId, Artifact artifact) {
        database.write("storing artifact " + artifact.uri() + " of run " + runId, c -> {
            RunStore.requireExists(c, runId);
            DetailsStore.putArtifact(c, runId, artifact);
            return null;
        });
    }

    /**
     * Records an evaluation of the run's model on a dataset: its defined metrics, and where its predictions are
     * ({@code predictionsUri}, or null when none were kept).
     */
    public Evaluation addEvaluation(String runId, String datasetUri, String predictionsUri, Map<String, Double> metrics) {
        return database.write("storing an evaluation of run " + runId, c -> {
            RunStore.requireExists(c, runId);
            return DetailsStore.addEvaluation(c, runId, datasetUri, predictionsUri, metrics, clock.instant());
        });
    }

    /** Everything about the run but its metric series. */
    public RunRecord record(String runId) {
        return database.read("reading run " + runId, c -> new RunRecord(RunStore.require(c, runId),
                DetailsStore.params(c, runId), DetailsStore.tags(c, runId), DetailsStore.provenance(c, runId),
                DetailsStore.artifacts(c, runId), DetailsStore.evaluations(c, runId), MetricStore.finals(c, runId),
                BestMetricStore.read(c, runId), MetricStore.watermark(c, runId)));
    }

    // Metrics

    /**
     * Stores metric points in batches, in one transaction. A point whose (key, step) is stored already replaces
     * it, so points ingested twice are stored once. Keeps each key's final value (the highest step) up to date.
     */
    public void addMetrics(String runId, List<MetricPoint> points) {
        database.write("storing " + points.size() + " metric points of run " + runId, c -> {
            RunStore.requireExists(c, runId);
            MetricStore.add(c, runId, points);
            return null;
        });
    }

    /**
     * Makes {@code epoch} the run's best epoch, with its metrics (the exported model's), unless a later epoch is
     * its best already: the best epoch never moves back, so ingesting events twice changes nothing.
     */
    public void putBestEpoch(String runId, int epoch, Map<String, Double> metrics) {
        database.write("storing the best epoch of run " + runId, c -> {
            RunStore.requireExists(c, runId);
            BestMetricStore.put(c, runId, epoch, metrics);
            return null;
        });
    }

    /** The sequence number of the last event of the run that was ingested, -1 when none was. */
    public long eventWatermark(String runId) {
        return database.read("reading the events watermark of run " + runId, c -> {
            RunStore.requireExists(c, runId);
            return MetricStore.watermark(c, runId);
        });
    }

    /**
     * Ingests the points of the run's events up to {@code lastSequence} and moves the watermark there, in one
     * transaction: a crash stores both or neither. Events at or below the watermark are ingested already, so a
     * call with {@code lastSequence <= eventWatermark(runId)} changes nothing.
     *
     * @return false if nothing was done because the events were ingested already
     */
    public boolean ingestEvents(String runId, long lastSequence, List<MetricPoint> points) {
        return database.write("ingesting events of run " + runId + " up to " + lastSequence, c -> {
            RunStore.requireExists(c, runId);
            if (lastSequence <= MetricStore.watermark(c, runId)) {
                return false;
            }
            MetricStore.add(c, runId, points);
            MetricStore.advanceWatermark(c, runId, lastSequence);
            return true;
        });
    }

    /** The series of the given keys for the given runs (for comparison charts), run by run, key by key. */
    public List<MetricSeries> series(Collection<String> runIds, Collection<String> keys) {
        return database.read("reading metric series", c -> MetricStore.series(c, runIds, keys));
    }

    // The serving registry

    /** The mirror of what this home did to serving registries, and their audit log. */
    public RegistryMirror registry() {
        return new RegistryMirror(database, clock);
    }

    // The runs table

    /** A page of the runs table with each run's params and final metrics. */
    public RunPage runs(RunQuery query) {
        return database.read("listing runs", c -> RunPages.page(c, query));
    }

    /** Closes the database and releases the home's lock. */
    @Override
    public void close() {
        try {
            database.close();
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                throw new UncheckedIOException("run history: releasing " + folder.resolve(HistoryLock.FILE_NAME), e);
            }
        }
    }
}
