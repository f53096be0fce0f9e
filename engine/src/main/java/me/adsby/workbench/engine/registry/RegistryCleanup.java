package me.adsby.workbench.engine.registry;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * Removes what killed publishes left under one model: its staging folders ({@code staging-<N>-<id>}, which TF
 * Serving never reads), and numbered folders without {@code saved_model.pb} that no config serves. Only a
 * leftover whose newest object was written before {@code before} goes: a younger one may be a publish under way.
 */
final class RegistryCleanup {

    /** Whether a numbered folder is a whole version. */
    @FunctionalInterface
    interface Wholeness {
        boolean isWhole(long version) throws IOException;
    }

    private final BlobStore store;
    private final BlobUri modelUri;
    private final Instant before;

    RegistryCleanup(BlobStore store, BlobUri modelUri, Instant before) {
        this.store = store;
        this.modelUri = modelUri;
        this.before = before;
    }

    /**
     * @param numbered the model's numbered folders
     * @param served   the versions the config serves, which are never removed
     * @return the names of the folders removed
     */
    List<String> clean(List<Long> numbered, Set<Long> served, Wholeness whole) throws IOException {
        List<String> removed = new ArrayList<>();
        for (BlobUri folder : RegistryListing.folders(store, modelUri)) {
            String name = folder.name();
            boolean staging = name.startsWith(Registry.STAGING_PREFIX);
            Long number = numbered.stream().filter(v -> Long.toString(v).equals(name)).findFirst().orElse(null);
            boolean partial = number != null && !served.contains(number) && !whole.isWhole(number);
            if (!staging && !partial) {
                continue;
            }
            List<BlobInfo> objects = RegistryListing.objects(store, folder);
            if (objects.stream().allMatch(object -> object.updated().isBefore(before))) {
                IOException failure = new IOException("Cannot remove all of " + folder);
                RegistryListing.removeQuietly(store, objects.stream().map(BlobInfo::uri).toList(), failure);
                if (failure.getSuppressed().length > 0) {
                    throw failure;
                }
                RegistryListing.pruneEmptyFolders(folder);
                removed.add(name);
            }
        }
        return removed;
    }
}
