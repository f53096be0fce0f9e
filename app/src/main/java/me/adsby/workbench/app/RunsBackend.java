package me.adsby.workbench.app;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.adsby.workbench.engine.run.GpuProbe;
import me.adsby.workbench.engine.run.LocalLauncher;
import me.adsby.workbench.engine.run.RunManager;
import me.adsby.workbench.engine.run.WorkerCommandLine;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.history.HistoryInUseException;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunHistoryException;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run history and the run manager of the home, opened off the FX thread (Flyway may migrate), or why they
 * could not be: most often another Workbench has the home open. Then the Runs screen says so and the rest of
 * the app works.
 */
final class RunsBackend implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunsBackend.class);

    private final RunHistory history;
    private final BlobStores stores;
    private final RunManager manager;
    private final RunHistoryException failure;

    private RunsBackend(RunHistory history, BlobStores stores, RunManager manager, RunHistoryException failure) {
        this.history = history;
        this.stores = stores;
        this.manager = manager;
        this.failure = failure;
    }

    /** Opens {@code <home>/history} and builds the manager; does not start it. */
    static RunsBackend open(WorkbenchHome home, Settings settings) {
        RunHistory history;
        try {
            history = RunHistory.open(home.root().resolve("history"));
        } catch (RunHistoryException e) {
            LOG.warn("The run history cannot be opened", e);
            return new RunsBackend(null, null, null, e);
        }
        GcsOptions gcs = new GcsOptions(settings.defaultGcsProject(), settings.gcsEndpoint());
        BlobStores stores = new BlobStores(gcs);
        RunManager manager = new RunManager(home, history, stores,
                WorkerCommandLine.ofThisJvm(home.root(), workerGcsOptions(settings)), LocalLauncher.defaultConcurrency(),
                GpuProbe.ofThisMachine(), Clock.systemUTC());
        return new RunsBackend(history, stores, manager, null);
    }

    /** The GCS options a worker gets on its command line, as the settings have them. */
    static List<String> workerGcsOptions(Settings settings) {
        List<String> options = new ArrayList<>();
        if (settings.defaultGcsProject() != null && !settings.defaultGcsProject().isBlank()) {
            options.addAll(List.of("--gcs-project", settings.defaultGcsProject()));
        }
        if (settings.gcsEndpoint() != null && !settings.gcsEndpoint().isBlank()) {
            options.addAll(List.of("--gcs-endpoint", settings.gcsEndpoint()));
        }
        return options;
    }

    /** The manager, or empty when the history could not be opened. */
    Optional<RunManager> manager() {
        return Optional.ofNullable(manager);
    }

    /** The blob stores of run directories and predictions (null when the history could not be opened). */
    BlobStores stores() {
        return stores;
    }

    /** Why the history could not be opened, in words; empty when it was. */
    Optional<String> problem() {
        if (failure == null) {
            return Optional.empty();
        }
        if (failure instanceof HistoryInUseException) {
            return Optional.of("Another Workbench has this home open, so its run history cannot be opened here. "
                    + "Runs can be listed, started and watched in that window; close it and restart this one to use "
                    + "them here. The Data screen works as usual.\n\n" + failure.getMessage());
        }
        return Optional.of("The run history cannot be opened, so runs cannot be shown or started. "
                + "The Data screen works as usual.\n\n" + failure.getMessage());
    }

    Optional<RunHistoryException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.close();
        }
        if (history != null) {
            history.close();
        }
        if (stores != null) {
            try {
                stores.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Closing the run's blob stores failed", e);
            }
        }
    }
}
