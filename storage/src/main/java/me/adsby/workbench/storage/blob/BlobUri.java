package me.adsby.workbench.storage.blob;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a blob or a "folder" is: {@code gs://bucket/path} in Google Cloud Storage, or an absolute local path.
 * Local paths are kept with forward slashes; a {@code file:} URI parses to the same local path. Immutable.
 *
 * @param bucket the GCS bucket, or null for a local path
 * @param path   the object name within the bucket (no leading slash; may be empty for the bucket's root,
 *               and ends with {@code /} for a folder prefix), or the absolute local path
 */
public record BlobUri(String bucket, String path) {

    public static final String GCS_SCHEME = "gs://";

    public BlobUri {
        Objects.requireNonNull(path, "path");
        if (bucket != null && bucket.isEmpty()) {
            throw new IllegalArgumentException("A gs:// URI needs a bucket name");
        }
    }

    /**
     * Parses {@code gs://bucket/name}, an absolute local path, or a {@code file:} URI.
     *
     * @throws IllegalArgumentException with a message that says what is wrong with the text
     */
    public static BlobUri parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.startsWith(GCS_SCHEME)) {
            String rest = trimmed.substring(GCS_SCHEME.length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String name = slash < 0 ? "" : rest.substring(slash + 1);
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "': a gs:// URI needs a bucket name");
            }
            return new BlobUri(bucket, name);
        }
        if (trimmed.startsWith("file:")) {
            try {
                return local(Path.of(new URI(trimmed)));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid file: URI (" + e.getMessage() + ")", e);
            }
        }
        Path path = Path.of(trimmed);
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("'" + text + "' is a relative path; give an absolute path, "
                    + "a file: URI or a gs:// URI");
        }
        return local(path);
    }

    public static BlobUri gcs(String bucket, String name) {
        return new BlobUri(bucket, name);
    }

    public static BlobUri local(Path path) {
        return new BlobUri(null, path.toAbsolutePath().normalize().toString().replace('\\', '/'));
    }

    public boolean isGcs() {
        return bucket != null;
    }

    /** The local path; only for local URIs. */
    public Path toPath() {
        if (isGcs()) {
            throw new IllegalStateException(this + " is not a local path");
        }
        return Path.of(path);
    }

    /** The last segment of the path, without a trailing slash; the bucket's name for a bucket root. */
    public String name() {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.isEmpty()) {
            return isGcs() ? bucket : "/";
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** The folder that holds this blob or folder, or null at a bucket's or file system's root. */
    public BlobUri parent() {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        if (isGcs()) {
            return trimmed.isEmpty() ? null : new BlobUri(bucket, slash < 0 ? "" : trimmed.substring(0, slash + 1));
        }
        Path parent = Path.of(trimmed.isEmpty() ? "/" : trimmed).getParent();
        return parent == null ? null : local(parent);
    }

    /**
     * A URI below this one: {@code relative} uses forward slashes. The result is normalised; it may lie
     * outside this URI (callers that must stay inside check {@link #contains}).
     */
    public BlobUri resolve(String relative) {
        if (isGcs()) {
            String base = path.isEmpty() || path.endsWith("/") ? path : path + "/";
            return new BlobUri(bucket, normaliseObjectName(base + relative));
        }
        return local(toPath().resolve(relative));
    }

    /** Whether {@code other} is this URI or lies below it. */
    public boolean contains(BlobUri other) {
        if (!Objects.equals(bucket, other.bucket)) {
            return false;
        }
        if (isGcs()) {
            String base = path.isEmpty() || path.endsWith("/") ? path : path + "/";
            return other.path.equals(path) || other.path.startsWith(base);
        }
        return other.toPath().startsWith(toPath());
    }

    /** This URI as a folder prefix: for GCS with a trailing slash (except a bucket's root). */
    public BlobUri asFolder() {
        if (isGcs() && !path.isEmpty() && !path.endsWith("/")) {
            return new BlobUri(bucket, path + "/");
        }
        return this;
    }

    @Override
    public String toString() {
        return isGcs() ? GCS_SCHEME + bucket + "/" + path : path;
    }

    /** Resolves {@code .} and {@code ..} segments of an object name; a {@code ..} above the root stays. */
    private static String normaliseObjectName(String name) {
        boolean folder = name.endsWith("/");
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        String joined = String.join("/", parts);
        return folder && !joined.isEmpty() ? joined + "/" : joined;
    }
}
