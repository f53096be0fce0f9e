package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.run.RunManager;
import me.adsby.workbench.engine.run.RunGroup;
import me.adsby.workbench.engine.run.RunRequest;
import me.adsby.workbench.engine.run.SplitPlan;
import me.adsby.workbench.engine.train.SelectionMetric;
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

    /** The most runs one {@code --repeats} trains. */
    static final int MAX_REPEATS = RunGroup.MAX_RUNS;

    @Option(names = "--data", required = true, paramLabel = "CSV_URI", description = "The dataset's CSV.")
    private String data;

    @Option(names = "--label", required = true, paramLabel = "COL", description = "The label column.")
    private String label;

    @Option(names = "--image-column", paramLabel = "COL", description = "The image column (default: the schema's).")
    private String imageColumn;

    @Option(names = "--recipe", paramLabel = "RECIPE", defaultValue = "tabular",
            description = "logistic, tabular, image or multimodal (default: ${DEFAULT-VALUE}).")
    private String recipe;

    @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (default: the recipe's).")
    private Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Examples per step (default: the recipe's).")
    private Integer batchSize;

    @Option(names = "--learning-rate", paramLabel = "X", description = "Adam's learning rate (default: the recipe's).")
    private Float learningRate;

    @Option(names = "--l2", paramLabel = "X",
            description = "The weight penalty: mean log loss + X * sum of squared weights (default: the recipe's).")
    private Float l2;

    @Option(names = "--dropout", paramLabel = "X", description = "The deep tower's dropout rate (default: the recipe's).")
    private Float dropout;

    @Option(names = "--min-count", paramLabel = "N",
            description = {"Categorical values seen on fewer than N training rows share their column's rare weight; "
                + "0 hashes every value instead (default: the recipe's, " + Hyperparameters.DEFAULT_MIN_COUNT + ")."})
    private Integer minCount;

    @Option(names = "--crosses", paramLabel = "N",
            description = "Cross every pair among the first N categorical columns in the wide part (default: the recipe's, 0).")
    private Integer crosses;

    @Option(names = "--image-size", paramLabel = "N", description = "Images are resized to N x N (default: the recipe's).")
    private Integer imageSize;

    @Option(names = "--seed", paramLabel = "N", description = "The model's seed: the weights and the shuffle (not the split).")
    private Long seed;

    @Option(names = "--split", paramLabel = "KIND", defaultValue = "auto",
            description = {"auto, random, group:COL or time:COL (default: ${DEFAULT-VALUE}: random by row unless an id-like "
                + "column repeats across the sides, then group by it)."})
    private String split;

    @Option(names = "--split-seed", paramLabel = "N", defaultValue = "42",
            description = "The split's own seed (default: ${DEFAULT-VALUE}).")
    private long splitSeed;

    @Option(names = "--validation-data", paramLabel = "URI",
            description = "A separate validation file; the whole dataset then trains (validation fraction 0).")
    private String validationData;

    @Option(names = "--test-data", paramLabel = "URI",
            description = "A held-out test file, scored once with the exported model and reported apart.")
    private String testData;

    @Option(names = "--test-fraction", paramLabel = "X", defaultValue = "0",
            description = {"Share of the dataset's rows held out as test rows, chosen as the split chooses validation "
                + "rows (the latest for time:), and scored once with the exported model (default: ${DEFAULT-VALUE})."})
    private double testFraction;

    @Option(names = "--select-by", paramLabel = "METRIC", defaultValue = "log_loss",
            description = "The validation metric that chooses the exported epoch: log_loss, auc or pr_auc "
                + "(default: ${DEFAULT-VALUE}).")
    private String selectBy;

    @Option(names = "--calibrate", description = {"Platt-scale the exported model on the validation examples: "
        + "probability = sigmoid(a * logit + b), inside the SavedModel (a test part says how well it calibrates)."})
    private boolean calibrate;

    @Option(names = "--exclude", paramLabel = "COL", split = ",", description = "Columns not to use as features.")
    private List<String> exclude = List.of();

    @Option(names = "--validation-fraction", paramLabel = "X",
            description = "Share of rows held out for validation (default: 0.2; 0 with --validation-data).")
    private Double validationFraction;

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

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "1",
            description = {"Train N runs with model seeds seed, seed + 1, ... on the same split, as one group, and report "
                + "each metric's mean, sd and 95%% interval across them (default: ${DEFAULT-VALUE})."})
    private int repeats;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "0",
            description = {"K-fold: train K runs as one group, fold i validating on the i-th K-th of the rows (by the "
                + "split's key or group; not with time:), and report each metric's mean, sd and 95%% interval."})
    private int folds;

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
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new ParameterException(spec.commandLine(), "--repeats must be between 1 and " + MAX_REPEATS
                    + ", was " + repeats);
        }
        if (folds != 0 && (folds < 2 || folds > SplitPlan.MAX_FOLDS)) {
            throw new ParameterException(spec.commandLine(), "--folds must be between 2 and " + SplitPlan.MAX_FOLDS
                    + ", was " + folds);
        }
        if (folds > 1 && (repeats > 1 || validationFraction != null || validationData != null)) {
            throw new ParameterException(spec.commandLine(), "--folds chooses the validation rows itself: it takes no "
                    + "--repeats, --validation-fraction or --validation-data");
        }
        try (RunSession session = RunSession.open(workbench)) {
            RunManager manager = session.manager();
            manager.start();
            TrainGroup group = new TrainGroup(session.history(), manager, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
            if (repeats > 1) {
                return group.train(RunGroup.repeats(request, repeats), detach, json);
            }
            if (folds > 1) {
                return group.train(RunGroup.folds(request, folds), detach, json);
            }
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
                    ? "--recipe must be logistic, tabular, image or multimodal, not '" + recipe + "'" : e.getMessage());
        }
        try {
            Hyperparameters hp = Hyperparameters.defaults(chosen);
            hp = new Hyperparameters(epochs != null ? epochs : hp.epochs(), batchSize != null ? batchSize : hp.batchSize(),
                    learningRate != null ? learningRate : hp.learningRate(), hp.embeddingSize(), hp.hashBuckets(),
                    hp.hiddenUnits(), hp.convFilters(), imageSize != null ? imageSize : hp.imageSize(),
                    seed != null ? seed : hp.seed(), hp.patience(), l2 != null ? l2 : hp.l2(),
                    dropout != null ? dropout : hp.dropout(), minCount != null ? minCount : hp.minCount(),
                    crosses != null ? crosses : hp.crossColumns());
            double fraction = validationFraction != null ? validationFraction : validationData != null ? 0.0 : 0.2;
            SplitPlan plan = SplitPlan.parse(split, fraction, splitSeed,
                    validationData == null ? null : Uris.parse(spec, validationData).toString(),
                    testData == null ? null : Uris.parse(spec, testData).toString()).withTestFraction(testFraction);
            return new RunRequest(name, experiment, Uris.parse(spec, data).toString(), label, imageColumn, exclude,
                    chosen, hp, plan, maxBadRows, where, SelectionMetric.fromId(selectBy), null, calibrate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void print(RunRecord record, me.adsby.workbench.storage.history.RunHistory history) {
        PrintWriter out = spec.commandLine().getOut();
        Run run = record.run();
        if (json) {
            JsonOutput.print(out, RunSummary.of(record));
            return;
        }
        out.println(run.id() + " " + run.status());
        String split = record.params().get("split_resolved");
        if (split != null) {
            out.printf(Locale.ROOT, "  split %s: %s training, %s validation rows%n", split,
                    record.params().get("train_rows"), record.params().get("validation_rows"));
        }
        record.best().ifPresent(best -> {
            out.printf(Locale.ROOT, "  best epoch %d (the exported model), chosen by validation %s:%n", best.epoch(),
                    record.params().getOrDefault("select_by", "auc"));
            best.metrics().forEach((key, value) -> out.printf(Locale.ROOT, "    %-20s %.6g%n", key, value));
        });
        if (!record.finalMetrics().isEmpty()) {
            out.println("  last epoch:");
            record.finalMetrics().forEach((key, value) -> out.printf(Locale.ROOT, "    %-20s %.6g%n", key, value));
        }
        RunSummary.testEvaluation(record).ifPresent(test -> {
            out.println("  test (" + test.datasetUri() + ", scored once with the exported model):");
            test.metrics().forEach((key, value) -> out.printf(Locale.ROOT, "    %-20s %.6g%n", key, value));
        });
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
