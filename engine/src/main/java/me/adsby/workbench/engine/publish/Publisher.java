package me.adsby.workbench.engine.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import me.adsby.workbench.engine.eval.ConfidenceInterval;
import me.adsby.workbench.engine.eval.Evaluation;
import me.adsby.workbench.engine.eval.Evaluator;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricDifference;
import me.adsby.workbench.engine.eval.MetricValue;
import me.adsby.workbench.engine.eval.ModelComparison;
import me.adsby.workbench.engine.eval.PairedPredictions;
import me.adsby.workbench.engine.eval.PredictionColumns;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.engine.eval.PredictionsCsv;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.input.Letterbox;
import me.adsby.workbench.engine.model.ModelFeatures;
import me.adsby.workbench.engine.registry.LabelMoves;
import me.adsby.workbench.engine.registry.ModelCard;
import me.adsby.workbench.engine.registry.ModelNames;
import me.adsby.workbench.engine.registry.PollIntervalWait;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.engine.registry.RegistrySettings;
import me.adsby.workbench.engine.registry.ServingStatusWait;
import me.adsby.workbench.engine.registry.VersionAvailability;
import me.adsby.workbench.engine.run.RunDirectory;
import me.adsby.workbench.engine.run.RunFeatures;
import me.adsby.workbench.engine.run.RunScorer;
import me.adsby.workbench.storage.blob.BlobFolders;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.history.RegistryAction;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunRecord;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Publishes a run's model to a registry behind the validation gate: scores the candidate and the current
 * production version on the same evaluation examples, judges the gate's thresholds ({@link ValidationGate}),
 * and only then adds the version (with its model card: metrics and intervals, the evaluation dataset, the
 * run's provenance and parameters, the gate's report) and moves the label asked for. A failed gate stops
 * here ({@link GateFailedException}) unless the request carries an override reason, which the audit log keeps.
 *
 * <p>The evaluation examples ({@link EvaluationRowsChooser}): every row of the dataset the request names; else
 * exactly the rows production was judged on, which its card records; else, for a model's first version, the
 * run's validation rows. The new version's card records its rows the same way ({@link EvaluationRows}).
 */
public final class Publisher {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a publish waits for TF Serving to report the new version AVAILABLE. */
    static final java.time.Duration SERVING_TIMEOUT = java.time.Duration.ofMinutes(5);

    private final RunHistory history;
    private final BlobStores stores;
    private final Path cacheFolder;
    private final Clock clock;

    public Publisher(RunHistory history, BlobStores stores, Path cacheFolder, Clock clock) {
        this.history = history;
        this.stores = stores;
        this.cacheFolder = cacheFolder;
        this.clock = clock;
    }

    /**
     * Publishes, or throws {@link GateFailedException} with the report when the gate fails without an override.
     *
     * @throws IllegalArgumentException for a bad model name, a run without a model, or missing evaluation data
     */
    public PublishResult publish(PublishRequest request, ProgressListener progress, Cancellation cancel)
            throws IOException, GateFailedException {
        return run(request, true, progress, cancel);
    }

    /**
     * Scores and judges as {@link #publish} does, and writes nothing: the report a publish would act on now.
     * The result's version is 0.
     */
    public PublishResult check(PublishRequest request, ProgressListener progress, Cancellation cancel) throws IOException {
        try {
            return run(request, false, progress, cancel);
        } catch (GateFailedException e) {
            throw new IllegalStateException("a check never stops at the gate", e);
        }
    }

    private PublishResult run(PublishRequest request, boolean write, ProgressListener progress, Cancellation cancel)
            throws IOException, GateFailedException {
        ModelNames.check(request.modelName());
        RunRecord record = history.record(request.runId());
        Run run = record.run();
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new IllegalArgumentException("run " + run.id() + " is " + run.status().name().toLowerCase(java.util.Locale.ROOT)
                    + ": only a run that finished training has a model to publish");
        }
        Registry registry = new Registry(stores.forUri(request.registry()), request.registry(), history.registry(),
                Registry.currentUser(), clock);
        Long production = registry.readConfig().config().model(request.modelName())
                .map(model -> model.labels().get(Registry.PRODUCTION)).orElse(null);
        RunDirectory directory = new RunDirectory(BlobUri.parse(run.runDirectory()));
        Path work = Files.createDirectories(cacheFolder.resolve("publish").resolve(UUID.randomUUID().toString()));
        try {
            progress.report(0, 4, "Copying the run's model");
            Path model = candidateModel(directory, work.resolve("candidate"));
            Path productionModel = work.resolve("production");
            ModelCard productionCard = null;
            if (production != null) {
                BlobFolders.download(registry.store(), registry.versionUri(request.modelName(), production), productionModel);
                productionCard = registry.card(request.modelName(), production).orElse(null);
            }
            EvaluationRowsChooser.Choice choice = new EvaluationRowsChooser(stores, history).choose(request,
                    request.modelName(), production, productionCard, productionModel, directory);
            EvaluationRows rows = choice.rows();
            RunScorer scorer = new RunScorer(stores, cacheFolder, clock);
            BlobUri dataset = BlobUri.parse(rows.dataset());
            Predictions candidate;
            if (choice.candidatesOwnValidation()) {
                candidate = read(directory.eval().resolve("predictions.csv"));
            } else {
                progress.report(1, 4, "Scoring the candidate on " + rows.describe());
                candidate = rows.restrict(read(scorer.score(directory, dataset, request.maxBadRows(), ProgressListener.NONE,
                        cancel).predictions()));
            }
            List<MetricDifference> differences = List.of();
            if (production != null) {
                progress.report(2, 4, "Scoring production version " + production + " on " + rows.describe());
                FeatureSpec features = ModelFeatures.read(productionModel).map(ModelFeatures::spec)
                        .orElseThrow(() -> new IllegalArgumentException("production version " + production + " of "
                                + request.modelName() + " has no " + ModelFeatures.FILE + ", so it cannot be scored"));
                BlobUri target = BlobUri.local(work.resolve("production-predictions.csv"));
                Predictions baseline = rows.restrict(read(scorer.scoreModel(productionModel, features, dataset, target,
                        request.maxBadRows(), ProgressListener.NONE, cancel).predictions()));
                differences = new ModelComparison(request.classificationThreshold(), request.bootstrap())
                        .compare(PairedPredictions.match(baseline, candidate));
            }
            cancel.throwIfCancelled();
            progress.report(3, 4, "Judging the validation gate");
            Evaluation evaluation = new Evaluator(request.classificationThreshold(), Evaluator.defaults().maxCurvePoints())
                    .metricsOnly(candidate);
            Map<Metric, ConfidenceInterval> intervals = request.bootstrap().intervals(candidate,
                    request.classificationThreshold());
            GateReport report = ValidationGate.judge(rows.describe(), evaluation, intervals, production, differences,
                    request.thresholds());
            boolean overridden = !report.passed();
            if (!write) {
                progress.report(4, 4, report.passed() ? "The gate passes" : "The gate fails");
                return new PublishResult(request.modelName(), 0, request.label(), report, overridden && request.isOverride());
            }
            if (overridden && !request.isOverride()) {
                throw new GateFailedException(report);
            }
            rows.writeRowsFile(model);
            ModelCard card = ModelCard.of(run.id(), rows.dataset(), metricsJson(evaluation, intervals, differences),
                    record.provenance().<com.fasterxml.jackson.databind.JsonNode>map(JSON::valueToTree).orElse(null),
                    record.params(), reportJson(report, overridden ? request.overrideReason() : null), rows.toJson());
            String details = report.passed() ? "validation gate passed"
                    : "validation gate failed, overridden: " + request.overrideReason();
            long version = registry.addVersion(request.modelName(), model, card, details);
            if (request.label() != null) {
                // The version is served by now, unlabelled; the label moves once TF Serving can have loaded it.
                labelMoves(registry, request).move(request.modelName(), version, request.label(),
                        overridden ? RegistryAction.OVERRIDE : RegistryAction.LABEL, overridden ? request.overrideReason() : null,
                        progress, cancel);
            }
            progress.report(4, 4, "Published version " + version + " of " + request.modelName());
            return new PublishResult(request.modelName(), version, request.label(), report, overridden);
        } finally {
            deleteQuietly(work);
        }
    }

    /** Label moves that wait for TF Serving as the request says: its serving URL, or the registry's poll interval. */
    private LabelMoves labelMoves(Registry registry, PublishRequest request) throws IOException {
        VersionAvailability availability = request.servingUrl() != null
                ? new ServingStatusWait(request.servingUrl(), SERVING_TIMEOUT, java.time.Duration.ofSeconds(1), clock)
                : new PollIntervalWait(RegistrySettings.read(registry.store(), registry.root()).configPoll(), clock);
        return new LabelMoves(registry, availability, clock);
    }

    /** A copy of the run's model with {@code assets.extra/features.json}, which serving needs. */
    private Path candidateModel(RunDirectory directory, Path target) throws IOException {
        BlobFolders.download(stores.forUri(directory.root()), directory.model(), target);
        if (!Files.isRegularFile(target.resolve(Registry.SAVED_MODEL))) {
            throw new IllegalArgumentException("the run has no exported model at " + directory.model());
        }
        if (ModelFeatures.read(target).isEmpty()) {
            FeatureSpec features = RunFeatures.read(stores.forUri(directory.root()), directory)
                    .orElseThrow(() -> new IllegalArgumentException("the run's model says nothing of its input columns"
                            + " (no " + ModelFeatures.FILE + " and no features.json): train it again to publish it"));
            new ModelFeatures(ModelFeatures.FORMAT, features.numeric(), features.categorical(), features.image(),
                    features.hasImage() ? features.imageSize() : 0, features.hasImage() ? Letterbox.METHOD : null,
                    features.label()).write(target);
        }
        return target;
    }

    private Predictions read(BlobUri predictions) throws IOException {
        return PredictionsCsv.read(CsvSource.of(stores.forUri(predictions), predictions), PredictionColumns.runDefaults());
    }

    private static ObjectNode metricsJson(Evaluation evaluation, Map<Metric, ConfidenceInterval> intervals,
                                          List<MetricDifference> differences) {
        ObjectNode metrics = JSON.createObjectNode();
        metrics.put("count", evaluation.count()).put("positives", evaluation.positives());
        for (Metric metric : Metric.values()) {
            ObjectNode entry = metrics.putObject(metric.key());
            MetricValue value = evaluation.metric(metric);
            if (value.isDefined()) {
                entry.put("value", value.value());
            } else {
                entry.putNull("value").put("undefined", value.undefinedReason());
            }
            ConfidenceInterval interval = intervals.get(metric);
            if (interval != null && interval.isDefined()) {
                entry.putArray("interval").add(interval.lower()).add(interval.upper());
            }
            differences.stream().filter(d -> d.metric() == metric && d.difference().isDefined()).findFirst().ifPresent(d -> {
                ObjectNode change = entry.putObject("vs_production");
                change.put("difference", d.difference().value()).put("verdict", d.verdict().name().toLowerCase(java.util.Locale.ROOT));
                if (d.interval() != null && d.interval().isDefined()) {
                    change.putArray("interval").add(d.interval().lower()).add(d.interval().upper());
                }
            });
        }
        return metrics;
    }

    private static ObjectNode reportJson(GateReport report, String overrideReason) {
        ObjectNode json = JSON.createObjectNode();
        json.put("passed", report.passed()).put("evaluated_on", report.evaluatedOn()).put("examples", report.examples());
        if (report.productionVersion() != null) {
            json.put("production_version", report.productionVersion());
        }
        if (overrideReason != null) {
            json.put("override_reason", overrideReason);
        }
        ArrayNode checks = json.putArray("checks");
        for (GateCheck check : report.checks()) {
            checks.addObject().put("threshold", check.threshold()).put("values", check.values())
                    .put("passed", check.passed()).put("reason", check.reason());
        }
        return json;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // A leftover scratch copy under the cache is harmless; the next publish uses a new folder.
            return;
        }
    }
}
