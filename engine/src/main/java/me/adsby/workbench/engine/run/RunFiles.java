package me.adsby.workbench.engine.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import me.adsby.workbench.storage.blob.BlobFolders;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.WriteCondition;

/**
 * TensorFlow reads and writes checkpoints and SavedModels on a local disk. For a run directory in GCS the
 * worker works in a local folder and copies it up after each write (and down before a resume).
 */
final class RunFiles {

    private final BlobStore store;
    private final Path scratch;

    /** @param scratch a local folder of this run for the copies of a remote run directory */
    RunFiles(BlobStore store, Path scratch) {
        this.store = store;
        this.scratch = scratch;
    }

    /** The local folder that stands for a run-directory folder: itself when local, a scratch copy otherwise. */
    Path local(BlobUri folder, String name) throws IOException {
        Path path = folder.isGcs() ? scratch.resolve(name) : folder.toPath();
        return Files.createDirectories(path);
    }

    /** Copies a local folder's files up to a GCS folder (nothing to do for a local run directory). */
    void upload(Path local, BlobUri folder) throws IOException {
        if (!folder.isGcs()) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(local)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String relative = local.relativize(file).toString().replace('\\', '/');
            try (InputStream in = Files.newInputStream(file)) {
                store.write(folder.resolve(relative), in, null, WriteCondition.NONE);
            }
        }
    }

    /** Copies a GCS folder's files down into the local folder (nothing to do for a local run directory). */
    void download(BlobUri folder, Path local) throws IOException {
        if (folder.isGcs()) {
            BlobFolders.download(store, folder, local);
        }
    }
}
