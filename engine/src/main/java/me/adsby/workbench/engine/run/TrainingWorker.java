package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CancellationException;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.BadInputException;
import me.adsby.workbench.engine.input.CloseableIterator;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.input.PreparedDataset;
import me.adsby.workbench.engine.input.Split;
import me.adsby.workbench.engine.input.SplitSettings;
import me.adsby.workbench.engine.model.CategoryVocabulary;
import me.adsby.workbench.engine.model.CtrTrainer;
import me.adsby.workbench.engine.model.LabelPrior;
import me.adsby.workbench.engine.model.ModelDefinition;
import me.adsby.workbench.engine.model.NonFiniteLossException;
import me.adsby.workbench.engine.model.NumericStats;
import me.adsby.workbench.engine.model.PlattScaling;
import me.adsby.workbench.engine.train.EpochMetrics;
import me.adsby.workbench.engine.train.TrainingLoop;
import me.adsby.workbench.engine.train.TrainingResult;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.StatisticsOptions;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.Failures;

/**
 * Trains one run in this process (the worker JVM), from its run directory's spec to its exported model and
 * evaluation, reporting every step as events in the run directory. Resumes from the last epoch's checkpoint
 * when the run directory has one. Never throws for a failed run: the failure is the run's last event.
 */
public final class TrainingWorker {

    private final BlobStores stores;
    private final RunDirectory directory;
    private final Path cacheFolder;
    private final PrintStream log;
    private final Clock clock;
    private final Cancellation alsoStop;

    /**
     * @param cacheFolder the Workbench home's cache: prepared examples, and scratch copies of remote runs
     * @param log         where people read what the worker does (its log file)
     */
    public TrainingWorker(BlobStores stores, RunDirectory directory, Path cacheFolder, PrintStream log, Clock clock) {
        this(stores, directory, cacheFolder, log, clock, Cancellation.NEVER);
    }

    /** @param alsoStop a cancellation besides the run directory's cancel request (for embedding and tests) */
    TrainingWorker(BlobStores stores, RunDirectory directory, Path cacheFolder, PrintStream log, Clock clock,
            Cancellation alsoStop) {
        this.stores = stores;
        this.directory = directory;
        this.cacheFolder = cacheFolder;
        this.log = log;
        this.clock = clock;
        this.alsoStop = alsoStop;
    }

    /** Trains the run; returns its final status. */
    public String run() throws IOException {
        BlobStore store = stores.forUri(directory.root());
        RunSpec spec = RunSpec.read(store, directory);
        List<EpochMetrics> previous = new EventReader(store, directory).readAfter(0).stream()
                .filter(event -> event.type().equals(RunEvents.EPOCH))
                .map(event -> RunEvents.epochOf(event.data(), TrainingLoop.checkpointOf(
                        checkpointsFolder(spec), event.data().get("epoch").asInt())))
                .toList();
        try (EventWriter events = EventWriter.open(store, directory, clock);
                CancelWatch watch = CancelWatch.start(store, directory, clock, events, log)) {
            Cancellation cancel = () -> watch.isCancelled() || alsoStop.isCancelled();
            events.append(RunEvents.STATE, RunEvents.state(events, "RUNNING", null));
            events.flush();
            String status;
            try {
                train(spec, store, events, cancel, previous);
                status = "SUCCEEDED";
                events.append(RunEvents.STATE, RunEvents.state(events, status, null));
            } catch (CancellationException e) {
                status = "CANCELLED";
                log.println("Cancelled.");
                events.append(RunEvents.STATE, RunEvents.state(events, status, null));
            } catch (NonFiniteLossException | BadInputException | IllegalArgumentException e) {
                status = "FAILED";
                log.println("Failed: " + Failures.describe(e));
                events.append(RunEvents.STATE, RunEvents.state(events, status, Failures.describe(e)));
            } catch (IOException | RuntimeException e) {
                status = "FAILED";
                log.println("Failed: " + Failures.describe(e));
                e.printStackTrace(log);
                events.append(RunEvents.STATE, RunEvents.state(events, status, Failures.describe(e)));
            }
            events.flush();
            return status;
        }
    }

    private Path checkpointsFolder(RunSpec spec) {
        return directory.root().isGcs() ? scratch(spec).resolve("checkpoints") : directory.checkpoints().toPath();
    }

    private Path scratch(RunSpec spec) {
        return cacheFolder.resolve("runs").resolve(spec.runId());
    }

    /** The features a run chose, why it left others out, and the examples it prepared. */
    private record Prepared(FeatureSpec features, FeaturePlan plan, TrainingSplits.Resolved splits) {
    }

    /** Reads the statistics, chooses the features and prepares the split: everything before the first epoch. */
    private Prepared prepare(RunSpec spec, BlobStore store, EventWriter events, Cancellation cancel) throws IOException {
        BlobUri csv = BlobUri.parse(spec.dataset());
        // The schema the run was started with (saved or inferred then); runs recorded before that infer it now.
        Schema recorded = spec.schema() != null ? spec.schema() : Datasets.inferSchema(stores.forUri(csv), csv);
        Schema schema = FeatureSelection.withLabel(recorded, spec);
        DatasetStatistics statistics = Datasets.statistics(stores.forUri(csv), csv, schema, StatisticsOptions.defaults(),
                new EventProgress(events, "statistics", clock), cancel);
        FeaturePlan plan = FeaturePlan.of(statistics, schema, spec.label());
        plan.dropped().forEach((column, why) -> log.println("Left out of the model: " + column + ": " + why + "."));
        FeatureSpec features = FeatureSelection.of(schema, spec, plan.dropped().keySet());
        log.println("Features: numeric " + features.numeric() + " (log1p: " + plan.log1p() + "), categorical "
                + features.categorical() + ", image " + features.image() + "; label " + features.label());
        RunFeatures.write(store, directory, features);
        TrainingSplits.Resolved splits = new TrainingSplits(stores, cacheFolder.resolve("prepared"),
                ErrorPolicy.stopAfter(spec.maxBadRows() + 1), new EventProgress(events, "prepare", clock), cancel, log)
                .prepare(spec, schema, features);
        return new Prepared(features, plan, splits);
    }

    private void train(RunSpec spec, BlobStore store, EventWriter events, Cancellation cancel,
            List<EpochMetrics> previous) throws IOException {
        Prepared prepared = prepare(spec, store, events, cancel);
        FeatureSpec features = prepared.features();
        TrainingSplits.Resolved splits = prepared.splits();
        PreparedDataset data = splits.train();
        long validationSize = splits.validation().size(splits.validationSplit());
        events.append(RunEvents.PREPARED, prepared(events, prepared, validationSize));
        events.flush();
        log.println("Split " + splits.description() + ": " + data.trainSize() + " training and " + validationSize
                + " validation examples" + (data.cacheHit() ? " (from the cache)" : "") + "; " + data.badRows()
                + " bad rows skipped.");
        if (data.trainSize() == 0 || validationSize == 0) {
            throw new IllegalArgumentException("the split " + splits.description() + " leaves " + data.trainSize()
                    + " training and " + validationSize + " validation examples; both need at least one");
        }

        ModelDefinition definition = new ModelDefinition(spec.recipe(), features, spec.hyperparameters(),
                NumericStats.of(data.numericStatistics(), prepared.plan().log1p(), prepared.plan().raw()),
                LabelPrior.of(data.trainPositives(), data.trainSize()), vocabulary(spec, data, features));
        RunFiles files = new RunFiles(store, scratch(spec));
        Path checkpoints = files.local(directory.checkpoints(), "checkpoints");
        if (!previous.isEmpty()) {
            files.download(directory.checkpoints(), checkpoints);
        }
        int batchSize = spec.hyperparameters().batchSize();
        PreparedDataset shuffled = data.shuffledBy(spec.hyperparameters().seed());
        TrainingResult result;
        try (CtrTrainer trainer = CtrTrainer.create(definition)) {
            if (!previous.isEmpty()) {
                trainer.restore(previous.get(previous.size() - 1).checkpoint());
                log.println("Resumed after epoch " + previous.size() + ".");
            }
            int[] epoch = {previous.size()};
            TrainingLoop loop = new TrainingLoop(trainer, checkpoints, metrics -> {
                events.append(RunEvents.EPOCH, RunEvents.epoch(events, metrics));
                log.println(RunEvents.describe(metrics));
                try {
                    files.upload(checkpoints, directory.checkpoints());
                    events.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, cancel, spec.selection());
            result = loop.resume(previous,
                    () -> iterable(shuffled, Split.TRAIN, batchSize, ++epoch[0]),
                    () -> iterable(splits.validation(), splits.validationSplit(), batchSize, 0));
        }
        log.println("Best epoch " + result.bestEpoch() + " by validation " + spec.selection().id() + ": log loss "
                + result.best().validationLoss() + ", AUC " + result.best().validationAuc());

        Path model = files.local(directory.model(), "model");
        PlattScaling platt = new CalibratedExport(scratch(spec), log).export(definition, result.bestCheckpoint(), model,
                spec.calibrate(), splits.validation(), splits.validationSplit(), batchSize);
        files.upload(model, directory.model());
        ObjectNode artifact = RunEvents.artifact(events, "model", directory.model());
        if (!platt.isIdentity()) {
            artifact.put("calibration", CalibratedExport.describe(platt));
        }
        events.append(RunEvents.ARTIFACT, artifact);
        new ValidationScores(store, directory, log).write(model, splits.validation(), splits.validationSplit(), features,
                batchSize, events);
        SplitPlan plan = spec.split();
        if (plan != null && (plan.testData() != null || splits.heldOut() != null)) {
            events.flush();
            boolean file = plan.testData() != null;
            BlobUri tested = BlobUri.parse(file ? plan.testData() : spec.dataset());
            new TestScores(stores, cacheFolder, clock, log).write(model, features, directory, tested,
                    file ? SplitSettings.allTraining() : splits.heldOut(), file ? plan.testData()
                    : plan.heldOutName(spec.dataset()), spec.maxBadRows(), events, new EventProgress(events, "test", clock),
                    cancel);
        }
        events.flush();
    }

    /** The categorical vocabulary of the training split, logged per column; hashing when minCount is 0. */
    private CategoryVocabulary vocabulary(RunSpec spec, PreparedDataset data, FeatureSpec features) {
        int minCount = spec.hyperparameters().minCount();
        if (minCount == 0 || features.categorical().isEmpty() || !spec.recipe().usesTabular()) {
            return CategoryVocabulary.hashed();
        }
        List<java.util.Map<String, Long>> counts = data.trainingValueCounts();
        CategoryVocabulary vocabulary = CategoryVocabulary.of(counts, minCount);
        StringBuilder line = new StringBuilder("Categorical values seen on at least " + minCount
                + " training rows (the others share their column's rare weight):");
        for (int j = 0; j < counts.size(); j++) {
            line.append(j == 0 ? " " : ", ").append(features.categorical().get(j)).append(' ')
                    .append(vocabulary.frequent().get(j).size()).append(" of ").append(counts.get(j).size());
        }
        log.println(line.append('.'));
        return vocabulary;
    }

    private ObjectNode prepared(EventWriter events, Prepared prepared, long validationSize) {
        TrainingSplits.Resolved splits = prepared.splits();
        PreparedDataset data = splits.train();
        ObjectNode json = events.data();
        ObjectNode dropped = json.putObject("dropped_columns");
        prepared.plan().dropped().forEach(dropped::put);
        ArrayNode log1p = json.putArray("log1p");
        prepared.plan().log1p().forEach(log1p::add);
        json.put("split", splits.description());
        json.put("train", data.trainSize());
        json.put("validation", validationSize);
        ArrayNode notices = json.putArray("notices");
        splits.notices().forEach(notices::add);
        json.put("bad_rows", data.badRows());
        json.put("missing_images", data.missingImages());
        json.put("cache_hit", data.cacheHit());
        ArrayNode problems = json.putArray("problems");
        data.problems().stream().limit(20).forEach(problem -> problems.add(problem.toString()));
        return json;
    }

    /** One epoch's batches as an Iterable that closes its reader when exhausted. */
    static Iterable<Batch> iterable(PreparedDataset data, Split split, int batchSize, int epoch) {
        return () -> {
            CloseableIterator<Batch> batches = data.batches(split, batchSize, epoch);
            return new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = batches.hasNext();
                    if (!more) {
                        try {
                            batches.close();
                        } catch (Exception e) {
                            throw new IllegalStateException("Cannot close the batches of " + split, e);
                        }
                    }
                    return more;
                }

                @Override
                public Batch next() {
                    return batches.next();
                }
            };
        };
    }
}
