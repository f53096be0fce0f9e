package me.adsby.workbench.storage.history;

import java.time.Instant;

/**
 * A registry version as this home's mirror knows it.
 *
 * @param runId the run the model came from, or null when not known
 */
public record RegistryVersionRow(String registry, String model, long version, String runId, String publishedBy,
        Instant published, boolean archived) {
}
