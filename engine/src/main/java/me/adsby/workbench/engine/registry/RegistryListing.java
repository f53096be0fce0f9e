package me.adsby.workbench.engine.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobPage;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.WriteCondition;

/** How the registry walks and clears its store: folders one level down, objects at any depth, and removals. */
final class RegistryListing {

    private RegistryListing() {
    }

    /** The folders directly under {@code parent}; none when it does not exist. */
    static List<BlobUri> folders(BlobStore store, BlobUri parent) throws IOException {
        List<BlobUri> folders = new ArrayList<>();
        String token = null;
        try {
            do {
                BlobPage page = store.list(parent.asFolder(), "/", BlobStore.DEFAULT_PAGE_SIZE, token);
                folders.addAll(page.folders());
                token = page.nextPageToken();
            } while (token != null);
        } catch (BlobNotFoundException e) {
            return List.of();
        }
        return folders;
    }

    /** Every object under the folder, at any depth; none when it does not exist. */
    static List<BlobInfo> objects(BlobStore store, BlobUri folder) throws IOException {
        List<BlobInfo> objects = new ArrayList<>();
        String token = null;
        try {
            do {
                BlobPage page = store.list(folder.asFolder(), null, BlobStore.DEFAULT_PAGE_SIZE, token);
                objects.addAll(page.objects());
                token = page.nextPageToken();
            } while (token != null);
        } catch (BlobNotFoundException e) {
            return List.of();
        }
        return objects;
    }

    /** Deletes the objects, the last first, adding what could not be deleted to {@code failure}. */
    static void removeQuietly(BlobStore store, List<BlobUri> written, Exception failure) {
        List<BlobUri> reversed = new ArrayList<>(written);
        Collections.reverse(reversed);
        for (BlobUri uri : reversed) {
            try {
                store.delete(uri, WriteCondition.NONE);
            } catch (BlobNotFoundException e) {
                // never written
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** A local folder's empty directories, left once its files are deleted (a bucket has no such thing). */
    static void pruneEmptyFolders(BlobUri folder) {
        if (folder.isGcs()) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder.toPath())) {
            walk.sorted(Comparator.reverseOrder()).filter(Files::isDirectory).forEach(dir -> {
                try {
                    Files.deleteIfExists(dir);
                } catch (IOException notEmpty) {
                    // a file appeared in it: it stays
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // nothing to prune
        }
    }
}
