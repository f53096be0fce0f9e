package me.adsby.workbench.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import me.adsby.workbench.engine.eval.Bootstrap;
import me.adsby.workbench.engine.eval.Calibration;
import me.adsby.workbench.engine.eval.ConfidenceInterval;
import me.adsby.workbench.engine.eval.Evaluation;
import me.adsby.workbench.engine.eval.Evaluator;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricValue;
import me.adsby.workbench.engine.eval.Metrics;
import me.adsby.workbench.engine.eval.PredictionColumns;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.engine.eval.PredictionsCsv;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.model.ModelFeatures;
import me.adsby.workbench.engine.registry.ModelCard;
import me.adsby.workbench.engine.run.RunDirectory;
import me.adsby.workbench.engine.run.RunFeatures;
import me.adsby.workbench.engine.run.RunScorer;
import me.adsby.workbench.engine.run.RunSpec;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code workbench evaluate}: scores a run's model on every row of a dataset, writes the predictions beside
 * the run, and records the evaluation (metrics, and where the predictions are) in the history, so several
 * models can be compared on one holdout set ({@code workbench compare --on DATASET}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a run's model on a dataset and record the evaluation in the history.",
            "Prints every metric with a bootstrap 95%% interval. Compare runs on it with",
            "workbench compare RUN_ID... --on DATASET."})
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_ID|MODEL_DIR", description = "A run's id, the model folder of a run directory,"
            + " or a registry version's folder (recorded against the run it came from).")
    private String model;

    @Option(names = "--data", required = true, paramLabel = "CSV_URI", description = "The dataset to score.")
    private String data;

    @Option(names = "--max-bad-rows", paramLabel = "N", defaultValue = "0",
            description = "Bad rows to skip and count before scoring fails (default: ${DEFAULT-VALUE}).")
    private int maxBadRows;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "" + Metrics.DEFAULT_THRESHOLD,
            description = "Score >= T predicts 1, for accuracy, precision, recall, F1 (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + Bootstrap.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples for the intervals (default: ${DEFAULT-VALUE}).")
    private int resamples;

    @Option(names = "--json", description = "Print the evaluation as JSON.")
    private boolean json;

    @ParentCommand
    private WorkbenchCommand workbench;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new ParameterException(spec.commandLine(), "--threshold must be in [0, 1], was " + threshold);
        }
        if (maxBadRows < 0 || resamples < 1) {
            throw new ParameterException(spec.commandLine(), "--max-bad-rows must be >= 0 and --resamples >= 1");
        }
        BlobUri dataset = Uris.parse(spec, data);
        try (RunSession session = RunSession.open(workbench)) {
            Path version = registryVersion(model);
            Run run = session.history().run(version == null ? runId(model) : sourceRun(version));
            RunDirectory directory = new RunDirectory(BlobUri.parse(run.runDirectory()));
            ProgressListener progress = json ? ProgressListener.NONE : new ConsoleProgress(spec.commandLine().getErr(), "Scoring");
            RunScorer scorer = new RunScorer(session.stores(), session.home().cache(), Clock.systemUTC());
            RunScorer.Scored scored;
            List<String> slices;
            if (version == null) {
                scored = scorer.score(directory, dataset, maxBadRows, progress, Cancellation.NEVER);
                slices = RunFeatures.read(session.stores().forUri(directory.root()), directory)
                        .map(f -> f.categorical()).orElse(List.of());
            } else {
                FeatureSpec features = ModelFeatures.read(version).map(ModelFeatures::spec).orElseThrow(() ->
                        new ParameterException(spec.commandLine(), version + " has no " + ModelFeatures.FILE));
                scored = scorer.scoreModel(version, features, dataset, scorer.target(directory, dataset), maxBadRows,
                        progress, Cancellation.NEVER);
                slices = features.categorical();
            }
            Predictions predictions = PredictionsCsv.read(CsvSource.of(session.stores().forUri(scored.predictions()),
                    scored.predictions()), PredictionColumns.runDefaults().withSlices(slices));
            Evaluation evaluation = Evaluator.defaults().withThreshold(threshold).metricsOnly(predictions);
            Map<Metric, ConfidenceInterval> intervals = new Bootstrap(resamples, 42L).intervals(predictions, threshold);
            Map<String, Double> recorded = new TreeMap<>();
            recorded.put("count", (double) evaluation.count());
            recorded.put("positives", (double) evaluation.positives());
            recorded.put("threshold", threshold);
            for (Metric metric : Metric.values()) {
                evaluation.metric(metric).asOptional().ifPresent(value -> recorded.put(metric.key(), value));
            }
            long id = session.history().addEvaluation(run.id(), dataset.toString(), scored.predictions().toString(),
                    recorded).id();
            print(run, id, dataset, scored, evaluation, intervals, Calibration.of(predictions));
        }
        return 0;
    }

    /** The folder given when it is a registry version (a SavedModel with a model card), else null. */
    private static Path registryVersion(String given) {
        try {
            Path folder = Path.of(given);
            return Files.isRegularFile(folder.resolve(ModelCard.FILE)) && Files.isRegularFile(folder.resolve("saved_model.pb"))
                    ? folder.toAbsolutePath().normalize() : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** The run a registry version came from, as its model card says: its evaluations are recorded there. */
    private String sourceRun(Path version) throws IOException {
        JsonNode card = new ObjectMapper().readTree(version.resolve(ModelCard.FILE).toFile());
        String run = card.path("source_run_id").asText(null);
        if (run == null || run.isBlank()) {
            throw new ParameterException(spec.commandLine(), version + " names no source run in its model card;"
                    + " evaluations are recorded against runs");
        }
        return run;
    }

    /** A run id as given, or the run id of the run directory whose model folder was given. */
    private String runId(String given) throws IOException {
        Path folder;
        try {
            folder = Path.of(given);
        } catch (java.nio.file.InvalidPathException e) {
            return given;
        }
        if (!Files.isDirectory(folder)) {
            return given;
        }
        Path runDirectory = folder.toAbsolutePath().normalize().getParent();
        if (runDirectory == null || !Files.isRegularFile(runDirectory.resolve("spec.json"))) {
            throw new ParameterException(spec.commandLine(), given + " is a folder but not the model folder of a run"
                    + " directory (its parent has no spec.json); give the run's id instead");
        }
        return RunSpec.read(new LocalBlobStore(), new RunDirectory(BlobUri.local(runDirectory))).runId();
    }

    private void print(Run run, long id, BlobUri dataset, RunScorer.Scored scored, Evaluation evaluation,
                       Map<Metric, ConfidenceInterval> intervals, Calibration calibration) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("run_id", run.id());
            document.put("evaluation_id", id);
            document.put("dataset", dataset.toString());
            document.put("predictions", scored.predictions().toString());
            document.put("bad_rows", scored.badRows());
            document.put("count", evaluation.count());
            document.put("positives", evaluation.positives());
            Map<String, Object> ranges = new LinkedHashMap<>();
            for (Metric metric : Metric.values()) {
                document.put(metric.key(), evaluation.metric(metric).orNull());
                ConfidenceInterval interval = intervals.get(metric);
                ranges.put(metric.key(), interval == null || !interval.isDefined() ? null
                        : List.of(interval.lower(), interval.upper()));
            }
            document.put("threshold", evaluation.threshold());
            calibration.putInto(document);
            document.put("intervals", ranges);
            JsonOutput.print(out, document);
            return;
        }
        out.printf("Evaluation %d of run %s on %s%n", id, run.id(), dataset);
        out.printf("  %d examples, %d positives, %d bad rows skipped; predictions in %s%n", evaluation.count(),
                evaluation.positives(), scored.badRows(), scored.predictions());
        for (Metric metric : Metric.values()) {
            MetricValue value = evaluation.metric(metric);
            ConfidenceInterval interval = intervals.get(metric);
            String range = interval != null && interval.isDefined()
                    ? String.format(java.util.Locale.ROOT, "  [%.4f, %.4f]", interval.lower(), interval.upper()) : "";
            out.printf("  %-18s %s%s%n", metric.key(), value.isDefined()
                    ? String.format(java.util.Locale.ROOT, "%.4f", value.value()) : "n/a (" + value.undefinedReason() + ")",
                    range);
        }
        out.printf("  calibration: mean predicted / observed CTR %s, slope %s, intercept %s (calibrated: 1, 1, 0)%n",
                fourDigits(calibration.ratio()), fourDigits(calibration.slope()), fourDigits(calibration.intercept()));
        out.println("  95% intervals: bootstrap, " + resamples + " resamples; threshold " + threshold);
        out.flush();
    }

    private static String fourDigits(MetricValue value) {
        return value.isDefined() ? String.format(java.util.Locale.ROOT, "%.4f", value.value())
                : "n/a (" + value.undefinedReason() + ")";
    }
}
