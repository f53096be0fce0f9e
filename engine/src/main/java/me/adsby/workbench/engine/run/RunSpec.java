package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.train.SelectionMetric;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.WriteCondition;

/**
 * What a run trains, written once to its run directory's {@code spec.json} and never changed: a resumed run
 * trains exactly what it started to train.
 *
 * @param runId            the run's id in the history
 * @param name             the run's name, for people
 * @param experiment       the experiment it belongs to
 * @param dataset          the CSV ({@code gs://} or a local path)
 * @param label            the label column
 * @param imageColumn      the image column, or null to take the schema's
 * @param exclude          columns not to use as features
 * @param recipe           logistic, tabular, image or multimodal
 * @param hyperparameters  the network's size and training settings (the seed among them)
 * @param validationFraction the share of rows held out for validation (as in {@code split})
 * @param maxBadRows       bad rows skipped and counted before the run fails; 0 fails at the first
 * @param target           where it trains: {@code local-cpu} or {@code local-gpu}
 * @param workbenchVersion the Workbench that created it
 * @param split            how validation (and test) examples are chosen; null in runs made before splits had
 *                         kinds (they split by a hash of the row number with the model's seed)
 * @param selectBy         the validation metric that chooses the exported epoch ({@link SelectionMetric#id()});
 *                         null in older runs, which chose by AUC
 * @param schema           the dataset's schema the run trains by (saved on the Data screen or by {@code datasets
 *                         schema}, else inferred when the run started); null in older runs, which infer it
 * @param calibrate        whether the exported model is Platt-scaled on the validation examples ({@code --calibrate})
 */
public record RunSpec(String runId, String name, String experiment, String dataset, String label, String imageColumn,
        List<String> exclude, Recipe recipe, Hyperparameters hyperparameters, double validationFraction, long maxBadRows,
        String target, String workbenchVersion, SplitPlan split, String selectBy, Schema schema, boolean calibrate) {

    /** Without calibration. */
    public RunSpec(String runId, String name, String experiment, String dataset, String label, String imageColumn,
            List<String> exclude, Recipe recipe, Hyperparameters hyperparameters, double validationFraction,
            long maxBadRows, String target, String workbenchVersion, SplitPlan split, String selectBy, Schema schema) {
        this(runId, name, experiment, dataset, label, imageColumn, exclude, recipe, hyperparameters, validationFraction,
                maxBadRows, target, workbenchVersion, split, selectBy, schema, false);
    }

    static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public RunSpec {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        boolean validationFile = split != null && split.validationData() != null;
        if (!(validationFraction >= 0 && validationFraction < 1) || (validationFraction == 0 && !validationFile)) {
            throw new IllegalArgumentException("validationFraction must be between 0 and 1 (0 only with a validation file), was "
                    + validationFraction);
        }
        if (maxBadRows < 0) {
            throw new IllegalArgumentException("maxBadRows must be >= 0, was " + maxBadRows);
        }
    }

    /** The selection metric: the spec's, or AUC for runs that predate the choice. */
    public SelectionMetric selection() {
        return selectBy == null ? SelectionMetric.AUC : SelectionMetric.fromId(selectBy);
    }

    /** Writes {@code spec.json}, only if the run directory has none: a spec is never rewritten. */
    public void write(BlobStore store, RunDirectory directory) throws IOException {
        store.write(directory.spec(), new ByteArrayInputStream(MAPPER.writeValueAsBytes(this)), "application/json",
                WriteCondition.IF_ABSENT);
    }

    public static RunSpec read(BlobStore store, RunDirectory directory) throws IOException {
        try (InputStream in = store.open(directory.spec())) {
            return MAPPER.readValue(in, RunSpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "1" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new IOException(directory.spec() + ":" + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
