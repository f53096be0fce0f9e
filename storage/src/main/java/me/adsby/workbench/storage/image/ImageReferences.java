package me.adsby.workbench.storage.image;

import java.nio.file.InvalidPathException;
import java.util.Objects;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * Resolves a dataset's image cells against the dataset's root (the CSV's folder).
 *
 * <ul>
 *   <li>A blank cell is {@link ImageStatus#EMPTY}.</li>
 *   <li>A {@code gs://} URI is taken as it is, wherever the dataset lives.</li>
 *   <li>Anything else is a path relative to the root with {@code /} between segments. A backslash counts as
 *       a {@code /} (CSVs written on Windows), so {@code images\..\..\x} cannot sneak past the check.
 *       {@code .} and {@code ..} are resolved lexically and the path must stay strictly below the root:
 *       {@code a/../b.png} is fine, {@code images/../../etc/passwd} is {@link ImageStatus#OUTSIDE_ROOT}.</li>
 *   <li>Absolute paths ({@code /x}, {@code C:/x}) and other URIs ({@code file:}, {@code https://}) are
 *       {@link ImageStatus#OUTSIDE_ROOT}: a dataset names its images relative to itself or in GCS. (A colon
 *       before the first {@code /} reads as a scheme or a drive letter, so {@code ad:1.png} is refused too.)</li>
 *   <li>A text that cannot name a file (a NUL character, the root folder itself) is {@link ImageStatus#MISSING}.</li>
 * </ul>
 * The check is lexical and reads nothing; {@link DatasetImages#locate} adds the check of real paths (a symbolic
 * link inside a local root whose target lies outside it is refused there). Thread-safe.
 */
public final class ImageReferences {

    private final BlobUri root;

    /** @param root the dataset's folder: the CSV's parent ({@link BlobUri#parent()}) */
    public ImageReferences(BlobUri root) {
        this.root = Objects.requireNonNull(root, "root").asFolder();
    }

    public BlobUri root() {
        return root;
    }

    /** Resolves one cell; never throws for a bad cell. */
    public ImageReference resolve(String cell) {
        String text = cell == null ? "" : cell.strip();
        if (text.isEmpty()) {
            return ImageReference.refused(text, ImageStatus.EMPTY, "the image cell is empty");
        }
        if (text.startsWith(BlobUri.GCS_SCHEME)) {
            return gcs(text);
        }
        String path = text.replace('\\', '/');
        if (path.indexOf('\0') >= 0) {
            return ImageReference.refused(text, ImageStatus.MISSING,
                    quoted(text) + " contains a NUL character and cannot name a file");
        }
        if (isAbsoluteOrUri(path)) {
            return ImageReference.refused(text, ImageStatus.OUTSIDE_ROOT, quoted(text)
                    + " is an absolute path or a URI; image paths are relative to the dataset's folder " + root
                    + " (or gs:// URIs)");
        }
        int depth = depthBelowRoot(path);
        if (depth < 0) {
            return ImageReference.refused(text, ImageStatus.OUTSIDE_ROOT,
                    quoted(text) + " leaves the dataset's folder " + root);
        }
        if (depth == 0) {
            return ImageReference.refused(text, ImageStatus.MISSING,
                    quoted(text) + " names the dataset's folder " + root + ", not an image file");
        }
        BlobUri resolved;
        try {
            resolved = root.resolve(path);
        } catch (InvalidPathException e) {
            return ImageReference.refused(text, ImageStatus.MISSING,
                    quoted(text) + " cannot name a file: " + e.getMessage());
        }
        if (!root.contains(resolved) || resolved.equals(root)) {
            return ImageReference.refused(text, ImageStatus.OUTSIDE_ROOT,
                    quoted(text) + " leaves the dataset's folder " + root);
        }
        return ImageReference.resolved(text, resolved);
    }

    private static ImageReference gcs(String text) {
        try {
            BlobUri uri = BlobUri.parse(text);
            if (uri.path().isEmpty() || uri.path().endsWith("/")) {
                return ImageReference.refused(text, ImageStatus.MISSING, quoted(text) + " names a folder, not an image");
            }
            return ImageReference.resolved(text, uri);
        } catch (IllegalArgumentException e) {
            return ImageReference.refused(text, ImageStatus.MISSING, e.getMessage());
        }
    }

    private static boolean isAbsoluteOrUri(String path) {
        if (path.startsWith("/")) {
            return true;
        }
        int colon = path.indexOf(':');
        int slash = path.indexOf('/');
        // "C:/x", "file:x", "https://x": a scheme or drive letter before the first slash.
        return colon > 0 && (slash < 0 || colon < slash);
    }

    /** How many segments below the root the path ends, or -1 as soon as it climbs above the root. */
    private static int depthBelowRoot(String path) {
        int depth = 0;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return -1;
                }
            } else {
                depth++;
            }
        }
        return depth;
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }
}
