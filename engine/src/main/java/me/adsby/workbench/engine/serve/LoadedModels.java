package me.adsby.workbench.engine.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import me.adsby.workbench.engine.model.ModelFeatures;
import me.adsby.workbench.engine.model.ServingModel;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobFolders;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * The registry versions the server has loaded, each once: a local registry's version folder is loaded where it
 * is, a {@code gs://} one is first copied into a temporary folder. Versions stay loaded until {@link #close}
 * (a request may be using one), which frees every native session and removes the copies.
 */
final class LoadedModels implements AutoCloseable {

    /** One loaded version: the SavedModel and how instances map onto its inputs. */
    record Loaded(ServingModel model, InstanceReader reader) {
    }

    private record Key(String model, long version) {
    }

    private final Registry registry;
    private final RequestImages images;
    private final Map<Key, Loaded> loaded = new ConcurrentHashMap<>();
    private final List<Path> copies = new ArrayList<>();
    private boolean closed;

    LoadedModels(Registry registry, RequestImages images) {
        this.registry = registry;
        this.images = images;
    }

    /** Whether the version is loaded (AVAILABLE, in TF Serving's words). */
    boolean isLoaded(String model, long version) {
        return loaded.containsKey(new Key(model, version));
    }

    /**
     * The version, loaded on first use.
     *
     * @throws IOException or a RuntimeException from TensorFlow when it cannot be loaded (the next call tries again)
     */
    Loaded get(String model, long version) throws IOException {
        Key key = new Key(model, version);
        Loaded found = loaded.get(key);
        if (found != null) {
            return found;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The server is shutting down");
            }
            found = loaded.get(key);
            if (found == null) {
                found = load(model, version);
                loaded.put(key, found);
            }
            return found;
        }
    }

    private Loaded load(String model, long version) throws IOException {
        BlobUri folder = registry.versionUri(model, version);
        Path local;
        if (folder.isGcs()) {
            local = Files.createTempDirectory("workbench-serve-");
            copies.add(local);
            BlobFolders.download(registry.store(), folder, local);
        } else {
            local = folder.toPath();
        }
        ModelFeatures features = ModelFeatures.read(local).orElseThrow(() -> new IOException("Version " + version + " of "
                + model + " has no " + ModelFeatures.FILE + ": it was exported before models said which columns they read;"
                + " export and publish it again"));
        ServingModel serving = ServingModel.load(local);
        return new Loaded(serving, new InstanceReader(features, images));
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Loaded model : loaded.values()) {
            model.model().close();
        }
        loaded.clear();
        for (Path copy : copies) {
            try (Stream<Path> files = Files.walk(copy)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                // a temporary folder left behind; the system's cleaner takes it
            }
        }
        copies.clear();
    }
}
