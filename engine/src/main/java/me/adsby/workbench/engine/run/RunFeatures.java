package me.adsby.workbench.engine.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.WriteCondition;

/**
 * The run's {@code features.json}: which dataset columns feed the exported model's {@code numeric} and
 * {@code categorical} inputs, in order, and the image column and size. Scoring the model on another dataset
 * reads its columns by these names, whatever that dataset's schema would select on its own.
 */
public final class RunFeatures {

    private RunFeatures() {
    }

    /** Writes the file; the same run always writes the same features, so a resumed worker may write it again. */
    static void write(BlobStore store, RunDirectory directory, FeatureSpec features) throws IOException {
        store.write(directory.features(), new ByteArrayInputStream(RunSpec.MAPPER.writeValueAsBytes(features)),
                "application/json", WriteCondition.NONE);
    }

    /** The run's features, or empty when the run directory has no {@code features.json} (a run still preparing). */
    public static Optional<FeatureSpec> read(BlobStore store, RunDirectory directory) throws IOException {
        try (InputStream in = store.open(directory.features())) {
            return Optional.of(RunSpec.MAPPER.readValue(in, FeatureSpec.class));
        } catch (BlobNotFoundException e) {
            return Optional.empty();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e.getLocation() == null ? "1" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new IOException(directory.features() + ":" + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
