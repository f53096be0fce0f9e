package me.adsby.workbench.engine.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import me.adsby.workbench.engine.eval.PredictionColumns;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.engine.eval.PredictionsCsv;
import me.adsby.workbench.engine.registry.ModelCard;
import me.adsby.workbench.engine.run.RunDirectory;
import me.adsby.workbench.engine.run.RunSpec;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.history.RunHistory;

/**
 * Chooses the rows a publish judges on, in this order:
 * <ol>
 *   <li>every row of the dataset the request names (both models are scored on it);</li>
 *   <li>else the rows production was judged on, as its card records them, if the dataset is unchanged;</li>
 *   <li>else, for a card from before versions recorded their rows, every row of the dataset it names, or the
 *       validation rows of production's run, read from that run's validation predictions;</li>
 *   <li>else, for a model's first version, the candidate run's own validation rows.</li>
 * </ol>
 * When production's rows cannot be had, an {@link EvaluationRowsUnavailableException} says why.
 */
final class EvaluationRowsChooser {

    /**
     * The rows, and whether they are the candidate run's own validation rows (then its validation predictions
     * are its scores on them, and nothing is scored again).
     */
    record Choice(EvaluationRows rows, boolean candidatesOwnValidation) {
    }

    private final BlobStores stores;
    private final RunHistory history;

    EvaluationRowsChooser(BlobStores stores, RunHistory history) {
        this.stores = stores;
        this.history = history;
    }

    /**
     * @param productionCard production's card, or null when the model has no production version
     * @param productionCopy a local copy of production's version folder, or null likewise
     */
    Choice choose(PublishRequest request, String model, Long production, ModelCard productionCard, Path productionCopy,
            RunDirectory candidate) throws IOException {
        if (request.evaluationData() != null) {
            return new Choice(EvaluationRows.all(stat(request.evaluationData(), "the evaluation dataset")), false);
        }
        if (production == null) {
            return new Choice(validationRows(candidate, "the validation rows of run " + candidate.root().name()
                    + ", the candidate"), true);
        }
        String version = "production version " + production + " of " + model;
        if (productionCard != null && productionCard.evaluationRows() != null) {
            EvaluationRows recorded = EvaluationRows.fromJson(productionCard.evaluationRows(), productionCopy);
            BlobInfo now = statOrUnavailable(BlobUri.parse(recorded.dataset()), version);
            Optional<String> changed = recorded.changedSince(now);
            if (changed.isPresent()) {
                throw new EvaluationRowsUnavailableException(version + " was judged on " + recorded.describe() + ", but "
                        + changed.get());
            }
            return new Choice(recorded, false);
        }
        if (productionCard != null && productionCard.evaluationDataset() != null) {
            return new Choice(EvaluationRows.all(statOrUnavailable(BlobUri.parse(productionCard.evaluationDataset()),
                    version)), false);
        }
        String run = productionCard == null ? null : productionCard.sourceRunId();
        if (run == null || history.findRun(run).isEmpty()) {
            throw new EvaluationRowsUnavailableException(version + " was judged on its run's validation split, and "
                    + (run == null ? "its card names no run" : "its run " + run + " is not in this history")
                    + ", so those rows cannot be found");
        }
        RunDirectory directory = new RunDirectory(BlobUri.parse(history.findRun(run).get().runDirectory()));
        try {
            return new Choice(validationRows(directory, "the validation rows of run " + run + ", production's"), false);
        } catch (IOException | IllegalArgumentException e) {
            throw new EvaluationRowsUnavailableException(version + " was judged on the validation split of run " + run
                    + ", whose validation predictions cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The rows a run validated on: their numbers are the keys of its validation predictions. */
    private EvaluationRows validationRows(RunDirectory directory, String description) throws IOException {
        RunSpec spec = RunSpec.read(stores.forUri(directory.root()), directory);
        String file = spec.split() != null && spec.split().validationData() != null ? spec.split().validationData()
                : spec.dataset();
        BlobUri predictions = directory.eval().resolve("predictions.csv");
        Predictions validation = PredictionsCsv.read(CsvSource.of(stores.forUri(predictions), predictions),
                PredictionColumns.runDefaults());
        return EvaluationRows.keysOf(stat(BlobUri.parse(file), "the run's validation data"), validation, description);
    }

    private BlobInfo stat(BlobUri uri, String what) throws IOException {
        return stores.forUri(uri).stat(uri).orElseThrow(() -> new IllegalArgumentException(what + " " + uri
                + " does not exist"));
    }

    private BlobInfo statOrUnavailable(BlobUri uri, String version) throws IOException {
        Optional<BlobInfo> info = stores.forUri(uri).stat(uri);
        if (info.isEmpty()) {
            throw new EvaluationRowsUnavailableException(version + " was judged on " + uri + ", which no longer exists");
        }
        return info.get();
    }
}
