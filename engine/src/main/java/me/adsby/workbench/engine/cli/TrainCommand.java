package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.run.RunManager;
import me.adsby.workbench.engine.run.RunRequest;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunRecord;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.settings.TrainingTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code workbench train}: starts a run in a worker process, then waits for it and prints its final metrics
 * (or returns at once with {@code --detach}). Ctrl-C while waiting cancels the run.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a model on a dataset in a worker process and track the run in the history.",
            "Waits and prints the run id and final metrics; --detach returns at once. Exits 1 when the run fails."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "CSV_URI", description = "The dataset's CSV.")
    private String data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "The label column.")
    private String label;

    @Option(names = "--image-column", paramLabel = "COL", description = "The image column (default: the schema's).")
    private String imageColumn;

    @Option(names = "--recipe", paramLabel = "RECIPE", defaultValue = "tabular",
            description = "tabular, image or multimodal (default: ${DEFAULT-VALUE}).")
    private String recipe;

    @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (default: the recipe's).")
    private Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Examples per step (default: the recipe's).")
    private Integer batchSize;

    @Option(names = "--learning-rate", paramLabel = "X", description = "Adam's learning rate (default: the recipe's).")
    private Float learningRate;

    @Option(names = "--image-size", paramLabel = "N", description = "Images are resized to N x N (default: the recipe's).")
    private Integer imageSize;

    @Option(names = "--seed", paramLabel = "N", description = "Seeds the split, the shuffle and the weights.")
    private Long seed;

    @Option(names = "--exclude", paramLabel = "COL", split = ",", description = "Columns not to use as features.")
    private List<String> exclude = List.of();

    @Option(names = "--validation-fraction", paramLabel = "X", defaultValue = "0.2",
            description = "Share of rows held out for validation (default: ${DEFAULT-VALUE}).")
    private double validationFraction;

    @Option(names = "--max-bad-rows", paramLabel = "N", defaultValue = "0",
            description = "Bad rows to skip and count before the run fails (default: ${DEFAULT-VALUE}).")
    private long maxBadRows;

    @Option(names = "--target", paramLabel = "TARGET", defaultValue = "local-cpu",
            description = "local-cpu or local-gpu (default: ${DEFAULT-VALUE}).")
    private String target;

    @Option(names = "--experiment", paramLabel = "NAME", description = "The experiment (default: Default).")
    private String experiment;

    @Option(names = "--name", paramLabel = "NAME", description = "The run's name (default: recipe and dataset).")
    private String name;

    @Option(names = "--detach", description = "Return once the run is queued.")
    private boolean detach;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @ParentCommand
    private WorkbenchCommand workbench;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RunRequest request = request();
        try (RunSession session = RunSession.open(workbench)) {
            RunManager manager = session.manager();
            manager.start();
            Run run = manager.start(request);
            if (detach) {
                print(session.history().record(run.id()), session.history());
                return 0;
            }
            Thread cancelOnInterrupt = new Thread(() -> cancelQuietly(manager, run.id()), "train-cancel");
            Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
            RunRecord finished = new RunWatch(session.history(), manager, json ? null : spec.commandLine().getErr())
                    .waitUntilStopped(run.id());
            removeHook(cancelOnInterrupt);
            print(finished, session.history());
            return switch (finished.run().status()) {
                case SUCCEEDED -> 0;
                case CANCELLED -> WorkbenchCli.EXIT_CANCELLED;
                default -> WorkbenchCli.EXIT_FAILURE;
            };
        }
    }

    private RunRequest request() {
        Recipe chosen;
        TrainingTarget where;
        try {
            chosen = Recipe.valueOf(recipe.toUpperCase(Locale.ROOT));
            where = TrainingTarget.fromId(target);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().startsWith("No enum")
                    ? "--recipe must be tabular, image or multimodal, not '" + recipe + "'" : e.getMessage());
        }
        try {
            Hyperparameters hp = Hyperparameters.defaults(chosen);
            hp = new Hyperparameters(epochs != null ? epochs : hp.epochs(), batchSize != null ? batchSize : hp.batchSize(),
                    learningRate != null ? learningRate : hp.learningRate(), hp.embeddingSize(), hp.hashBuckets(),
                    hp.hiddenUnits(), hp.convFilters(), imageSize != null ? imageSize : hp.imageSize(),
                    seed != null ? seed : hp.seed(), hp.patience());
            return new RunRequest(name, experiment, Uris.parse(spec, data).toString(), label, imageColumn, exclude,
                    chosen, hp, validationFraction, maxBadRows, where);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void print(RunRecord record, me.adsby.workbench.storage.history.RunHistory history) {
        PrintWriter out = spec.commandLine().getOut();
        Run run = record.run();
        // The exported model is the best epoch's (by validation AUC); the final metrics are the last epoch's.
        var best = history.series(List.of(run.id()), List.of("val_auc")).stream()
                .flatMap(series -> series.points().stream())
                .max(java.util.Comparator.comparingDouble(point -> point.value()));
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("run_id", run.id());
            result.put("status", run.status().name());
            result.put("run_dir", run.runDirectory());
            result.put("final_metrics", record.finalMetrics());
            best.ifPresent(point -> {
                result.put("best_epoch", point.step());
                result.put("best_val_auc", point.value());
            });
            if (run.error() != null) {
                result.put("error", run.error());
            }
            JsonOutput.print(out, result);
            return;
        }
        out.println(run.id() + " " + run.status());
        record.finalMetrics().forEach((key, value) -> out.printf(Locale.ROOT, "  %-20s %.6g%n", key, value));
        best.ifPresent(point -> out.printf(Locale.ROOT, "  best epoch %d (validation AUC %.4f): the exported model%n",
                point.step(), point.value()));
        if (run.error() != null) {
            out.println("  error: " + run.error());
        }
        if (run.status() == RunStatus.QUEUED) {
            out.println("  run directory: " + run.runDirectory());
        }
        out.flush();
    }

    private static void cancelQuietly(RunManager manager, String runId) {
        try {
            manager.cancel(runId);
        } catch (Exception e) {
            // The JVM is exiting; the run may have ended already.
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Already exiting: the hook runs.
        }
    }
}
