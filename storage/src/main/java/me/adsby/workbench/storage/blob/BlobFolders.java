package me.adsby.workbench.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a whole "folder" (every object under a prefix) of a blob store to a local folder; a local folder is
 * copied file by file.
 */
public final class BlobFolders {

    private BlobFolders() {
    }

    /**
     * Copies every object under {@code folder} to the same relative path under {@code target}, replacing files
     * already there. Names that would land outside {@code target} (such as {@code ../x}) are skipped.
     */
    public static void download(BlobStore store, BlobUri folder, Path target) throws IOException {
        if (!folder.isGcs()) {
            copyLocal(folder.toPath(), target);
            return;
        }
        BlobUri prefix = folder.asFolder();
        String base = prefix.path();
        Path root = target.toAbsolutePath().normalize();
        String token = null;
        do {
            BlobPage page = store.list(prefix, null, BlobStore.DEFAULT_PAGE_SIZE, token);
            for (BlobInfo object : page.objects()) {
                String relative = object.uri().path().substring(base.length());
                Path file = root.resolve(relative).normalize();
                if (!file.startsWith(root) || relative.isEmpty() || relative.endsWith("/")) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = store.open(object.uri())) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            token = page.nextPageToken();
        } while (token != null);
    }

    private static void copyLocal(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path copy = target.resolve(source.relativize(file).toString());
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
