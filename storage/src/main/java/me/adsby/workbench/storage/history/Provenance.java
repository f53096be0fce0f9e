package me.adsby.workbench.storage.history;

import java.util.Map;
import java.util.Objects;

/**
 * Where a run's model came from, enough to tell whether two runs saw the same data and code.
 *
 * @param datasetUri       the dataset the run trained on
 * @param objectVersions   each object read (CSV, images) by URI, with its GCS generation or local modification time
 * @param contentHash      a hash over the data read, or null
 * @param workbenchVersion Workbench's version
 * @param seed             the random seed, or null
 * @param tensorflowVersion TensorFlow's version
 * @param host             the machine's name
 * @param hardware         the CPU or GPU, in words
 */
public record Provenance(String datasetUri, Map<String, String> objectVersions, String contentHash,
        String workbenchVersion, Long seed, String tensorflowVersion, String host, String hardware) {

    public Provenance {
        Objects.requireNonNull(datasetUri, "datasetUri");
        objectVersions = SortedMaps.copyOf(objectVersions == null ? Map.of() : objectVersions);
    }
}
