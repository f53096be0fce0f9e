package me.adsby.workbench.storage.blob;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Lists a local folder the way GCS lists a prefix: one level ({@code "/"}: files and sub-folders) or every
 * file below (null), in name order of the path relative to the folder, in pages. The page token is the
 * base64 of the last entry returned, so pages stay right while files come and go.
 */
final class LocalListing {

    private LocalListing() {
    }

    static BlobPage list(BlobUri prefix, String delimiter, int pageSize, String pageToken) throws IOException {
        if (delimiter != null && !delimiter.equals("/")) {
            throw new IllegalArgumentException("Local listings support the delimiter \"/\" or none, not '"
                    + delimiter + "'");
        }
        Path base = prefix.toPath();
        String namePrefix = "";
        if (!prefix.path().endsWith("/") && !Files.isDirectory(base)) {
            namePrefix = base.getFileName() == null ? "" : base.getFileName().toString();
            base = base.getParent() == null ? base : base.getParent();
        }
        if (!Files.isDirectory(base)) {
            throw new BlobNotFoundException(prefix + ": no such folder", null);
        }
        String after = pageToken == null ? null : decode(pageToken);
        TreeMap<String, BasicFileAttributes> entries = delimiter == null
                ? recursive(base, namePrefix, after) : oneLevel(base, namePrefix, after);
        List<BlobUri> folders = new ArrayList<>();
        List<BlobInfo> objects = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, BasicFileAttributes> entry : entries.entrySet()) {
            if (folders.size() + objects.size() == pageSize) {
                return new BlobPage(folders, objects, encode(last));
            }
            String key = entry.getKey();
            if (key.endsWith("/")) {
                folders.add(new BlobUri(null, BlobUri.local(base.resolve(key)).path() + "/"));
            } else {
                objects.add(LocalFiles.info(base.resolve(key), entry.getValue()));
            }
            last = key;
        }
        return new BlobPage(folders, objects, null);
    }

    private static TreeMap<String, BasicFileAttributes> oneLevel(Path base, String namePrefix, String after)
            throws IOException {
        TreeMap<String, BasicFileAttributes> entries = new TreeMap<>();
        try (Stream<Path> children = Files.list(base)) {
            for (Path child : (Iterable<Path>) children::iterator) {
                String name = child.getFileName().toString();
                if (!name.startsWith(namePrefix) || name.startsWith(LocalFiles.TEMP_PREFIX)) {
                    continue;
                }
                BasicFileAttributes attributes = attributesOrNull(child);
                if (attributes == null || !(attributes.isDirectory() || attributes.isRegularFile())) {
                    continue;
                }
                String key = attributes.isDirectory() ? name + "/" : name;
                if (after == null || key.compareTo(after) > 0) {
                    entries.put(key, attributes);
                }
            }
        }
        return entries;
    }

    private static TreeMap<String, BasicFileAttributes> recursive(Path base, String namePrefix, String after)
            throws IOException {
        TreeMap<String, BasicFileAttributes> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String key = base.relativize(file).toString().replace('\\', '/');
                if (key.isEmpty() || !key.startsWith(namePrefix)
                        || file.getFileName().toString().startsWith(LocalFiles.TEMP_PREFIX)) {
                    continue;
                }
                if (after != null && key.compareTo(after) <= 0) {
                    continue;
                }
                BasicFileAttributes attributes = attributesOrNull(file);
                if (attributes != null && attributes.isRegularFile()) {
                    entries.put(key, attributes);
                }
            }
        }
        return entries;
    }

    private static BasicFileAttributes attributesOrNull(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // gone since the folder was read
        }
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a page token of a local listing: '" + token + "'", e);
        }
    }
}
