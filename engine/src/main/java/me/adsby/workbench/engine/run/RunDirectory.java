package me.adsby.workbench.engine.run;

import java.util.Objects;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * The layout of a run's directory, local or in GCS. The worker that trains the run owns it; the app reads it.
 *
 * <pre>
 * spec.json        the immutable run specification
 * events/          append-only event chunks: chunk-000001.jsonl, chunk-000002.jsonl, ... (JSON lines)
 * heartbeat.json   the worker's pid, host and last sign of life
 * cancel           present when someone asked the run to stop
 * worker.log       the worker's log
 * checkpoints/     TF checkpoints, resumable
 * model/           the exported SavedModel
 * eval/            predictions.csv and metrics.json
 * </pre>
 */
public record RunDirectory(BlobUri root) {

    public RunDirectory {
        Objects.requireNonNull(root, "root");
    }

    public BlobUri spec() {
        return child("spec.json");
    }

    /** The folder of event chunks. */
    public BlobUri events() {
        return folder("events");
    }

    /** The chunk with the given number (from 1), e.g. {@code events/chunk-000042.jsonl}. */
    public BlobUri eventChunk(long number) {
        return child(String.format("events/chunk-%06d.jsonl", number));
    }

    /** Which columns feed the model's inputs (see {@link RunFeatures}). */
    public BlobUri features() {
        return child("features.json");
    }

    /** The folder of the model's evaluations on other datasets: one subfolder each. */
    public BlobUri evaluations() {
        return folder("eval/evaluations");
    }

    public BlobUri heartbeat() {
        return child("heartbeat.json");
    }

    /** Written by whoever wants the run to stop; the worker looks for it every second. */
    public BlobUri cancelRequest() {
        return child("cancel");
    }

    public BlobUri workerLog() {
        return child("worker.log");
    }

    public BlobUri checkpoints() {
        return folder("checkpoints");
    }

    public BlobUri model() {
        return folder("model");
    }

    public BlobUri eval() {
        return folder("eval");
    }

    /** The chunk number of an event chunk's URI, or -1 when the URI is not a chunk. */
    static long chunkNumber(BlobUri uri) {
        String name = uri.name();
        if (!name.startsWith("chunk-") || !name.endsWith(".jsonl")) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring("chunk-".length(), name.length() - ".jsonl".length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private BlobUri child(String name) {
        return root.asFolder().resolve(name);
    }

    private BlobUri folder(String name) {
        return child(name).asFolder();
    }
}
