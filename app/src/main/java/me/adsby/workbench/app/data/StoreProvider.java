package me.adsby.workbench.app.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob stores for the settings in use: when the GCS project or endpoint changes, the next request gets a
 * store built for the new ones, and the old stores are closed. Thread-safe.
 */
public final class StoreProvider implements StoreFinder, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreProvider.class);

    private final Consumer<Runnable> background;
    private GcsOptions options;
    private BlobStores stores;

    /** For tests and tools: old stores are closed on the calling thread. */
    public StoreProvider(Settings settings) {
        this(settings, Runnable::run);
    }

    /** @param background runs the closing of replaced stores off the FX thread */
    public StoreProvider(Settings settings, Consumer<Runnable> background) {
        this.background = background;
        this.options = optionsOf(settings);
        this.stores = new BlobStores(options);
    }

    /** Follows a change of the settings; cheap when the GCS options stay the same. */
    public void settingsChanged(Settings settings) {
        GcsOptions changed = optionsOf(settings);
        BlobStores old;
        synchronized (this) {
            if (Objects.equals(changed.projectId(), options.projectId())
                    && Objects.equals(changed.endpoint(), options.endpoint())) {
                return;
            }
            old = stores;
            options = changed;
            stores = new BlobStores(changed);
        }
        background.accept(() -> closeQuietly(old));
    }

    @Override
    public BlobStore forUri(BlobUri uri) throws IOException {
        BlobStores current;
        synchronized (this) {
            current = stores;
        }
        return current.forUri(uri);
    }

    /** This provider as a plain function, for storage classes that take one; failures become unchecked. */
    public Function<BlobUri, BlobStore> asFunction() {
        return uri -> {
            try {
                return forUri(uri);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    @Override
    public synchronized void close() {
        closeQuietly(stores);
    }

    private static GcsOptions optionsOf(Settings settings) {
        return new GcsOptions(settings.defaultGcsProject(), settings.gcsEndpoint());
    }

    private static void closeQuietly(BlobStores closing) {
        try {
            closing.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Closing the blob stores failed", e);
        }
    }
}
