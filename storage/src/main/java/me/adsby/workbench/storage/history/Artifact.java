package me.adsby.workbench.storage.history;

import java.util.Objects;

/**
 * A file a run produced: a checkpoint, the exported model, predictions. One per (run, URI).
 *
 * @param kind      what it is ({@code model}, {@code checkpoint}, {@code predictions}, ...)
 * @param sizeBytes its size, or null when unknown
 * @param checksum  its checksum ({@code sha256:...}, {@code crc32c:...}), or null
 */
public record Artifact(String kind, String uri, Long sizeBytes, String checksum) {

    public Artifact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uri, "uri");
    }
}
