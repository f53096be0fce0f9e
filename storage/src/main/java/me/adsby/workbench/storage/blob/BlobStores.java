package me.adsby.workbench.storage.blob;

import java.io.IOException;
import java.util.Objects;

/**
 * The stores for URIs: one {@link LocalBlobStore} for local paths and one {@link GcsBlobStore}, created on first
 * use of a {@code gs://} URI and reused. {@link #close()} closes what was opened. Thread-safe.
 */
public final class BlobStores implements AutoCloseable {

    private final GcsOptions options;
    private final LocalBlobStore local = new LocalBlobStore();
    private GcsBlobStore gcs;
    private boolean closed;

    public BlobStores(GcsOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The store for the URI.
     *
     * @throws IOException when the GCS store cannot be created (e.g. no credentials: the message says how to
     *                     log in)
     */
    public BlobStore forUri(BlobUri uri) throws IOException {
        if (!uri.isGcs()) {
            ensureOpen();
            return local;
        }
        synchronized (this) {
            ensureOpen();
            if (gcs == null) {
                gcs = new GcsBlobStore(options);
            }
            return gcs;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        local.close();
        if (gcs != null) {
            gcs.close();
            gcs = null;
        }
    }

    private synchronized void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The blob stores are closed");
        }
    }
}
