package me.adsby.workbench.engine.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import me.adsby.workbench.engine.run.RunDirectory;
import me.adsby.workbench.engine.run.TrainingWorker;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.home.WorkbenchHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code workbench worker --run-dir URI}: the process that trains one run (started by Workbench, not by
 * people). Exits 0 when the run succeeded, 1 when it failed, 130 when it was cancelled.
 */
@Command(name = "worker", hidden = true, mixinStandardHelpOptions = true,
        description = "Train one run from its run directory (internal: Workbench starts it).")
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--run-dir", required = true, paramLabel = "URI", description = "The run directory.")
    private String runDir;

    @ParentCommand
    private WorkbenchCommand workbench;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WorkbenchHome home = workbench.openHome();
        PrintStream log = System.out;
        try (BlobStores stores = workbench.openStores()) {
            String status = new TrainingWorker(stores, new RunDirectory(Uris.parse(spec, runDir)), home.cache(), log,
                    Clock.systemUTC()).run();
            log.flush();
            return switch (status) {
                case "SUCCEEDED" -> 0;
                case "CANCELLED" -> WorkbenchCli.EXIT_CANCELLED;
                default -> WorkbenchCli.EXIT_FAILURE;
            };
        }
    }
}
