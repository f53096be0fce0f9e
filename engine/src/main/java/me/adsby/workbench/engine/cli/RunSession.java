package me.adsby.workbench.engine.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import me.adsby.workbench.engine.run.GpuProbe;
import me.adsby.workbench.engine.run.LocalLauncher;
import me.adsby.workbench.engine.run.RunManager;
import me.adsby.workbench.engine.run.WorkerCommandLine;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.home.WorkbenchHome;

/**
 * What the run commands work with: the home, its run history (held by this process while the command runs:
 * a second Workbench on the same home is refused), the blob stores and the run manager.
 */
final class RunSession implements AutoCloseable {

    private final WorkbenchHome home;
    private final RunHistory history;
    private final BlobStores stores;
    private final RunManager manager;

    private RunSession(WorkbenchHome home, RunHistory history, BlobStores stores, RunManager manager) {
        this.home = home;
        this.history = history;
        this.stores = stores;
        this.manager = manager;
    }

    static RunSession open(WorkbenchCommand workbench) throws IOException {
        WorkbenchHome home = workbench.openHome();
        RunHistory history = RunHistory.open(home.history());
        BlobStores stores = null;
        try {
            stores = workbench.openStores();
            List<String> gcs = new ArrayList<>(workbench.gcsOptions());
            RunManager manager = new RunManager(home, history, stores,
                    WorkerCommandLine.ofThisJvm(home.root(), gcs), LocalLauncher.defaultConcurrency(),
                    GpuProbe.ofThisMachine(), Clock.systemUTC());
            // A worker killed with the process that ran it leaves its run RUNNING: say INTERRUPTED once it is stale.
            manager.markStaleRuns();
            return new RunSession(home, history, stores, manager);
        } catch (IOException | RuntimeException e) {
            if (stores != null) {
                stores.close();
            }
            history.close();
            throw e;
        }
    }

    WorkbenchHome home() {
        return home;
    }

    BlobStores stores() {
        return stores;
    }

    RunHistory history() {
        return history;
    }

    RunManager manager() {
        return manager;
    }

    @Override
    public void close() throws IOException {
        manager.close();
        stores.close();
        history.close();
    }
}
