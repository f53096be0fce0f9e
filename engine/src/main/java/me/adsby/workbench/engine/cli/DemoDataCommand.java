package me.adsby.workbench.engine.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.adsby.workbench.engine.demo.DemoDataset;
import me.adsby.workbench.engine.demo.DemoDatasetGenerator;
import me.adsby.workbench.storage.work.CancellationToken;
import me.adsby.workbench.storage.work.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code workbench demo-data}: writes the synthetic demo dataset. */
@Command(name = "demo-data", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Write the synthetic demo ad dataset: ads.csv, one PNG banner per ad, and a README",
            "that documents the click model. The same seed gives the same files."})
final class DemoDataCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder to write; must be absent or empty.")
    private Path out;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "" + DemoDatasetGenerator.DEFAULT_ROWS,
            description = "Number of ads (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DemoDatasetGenerator.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rows < 1) {
            throw new ParameterException(spec.commandLine(), "--rows must be at least 1, was " + rows);
        }
        CancellationToken cancel = new CancellationToken();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> stopAndWait(cancel, finished), "demo-data-cancel");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        DemoDataset dataset;
        try {
            ProgressListener progress = json ? ProgressListener.NONE
                    : new ConsoleProgress(spec.commandLine().getErr(), "Writing demo dataset");
            dataset = new DemoDatasetGenerator(rows, seed).write(out.toAbsolutePath(), progress, cancel);
        } finally {
            finished.countDown();
            removeHook(onInterrupt);
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("directory", dataset.directory().toString());
            result.put("csv", dataset.csv().toString());
            result.put("rows", dataset.rows());
            result.put("clicks", dataset.clicks());
            result.put("seed", seed);
            JsonOutput.print(spec.commandLine().getOut(), result);
        } else {
            spec.commandLine().getOut().printf("Wrote %d ads (%d clicked) to %s%n",
                    dataset.rows(), dataset.clicks(), dataset.directory());
        }
        return 0;
    }

    /** On Ctrl-C: ask the generator to stop, and give it a moment to remove its partial output. */
    private static void stopAndWait(CancellationToken cancel, CountDownLatch finished) {
        cancel.cancel();
        try {
            finished.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook runs and finds the work finished.
        }
    }
}
