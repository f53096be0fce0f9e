package me.adsby.workbench.storage.image;

import java.util.Objects;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * A dataset's image cell after resolution: where the image is, or why it cannot be looked up at all.
 *
 * @param text    the cell as written in the CSV (stripped of surrounding blanks)
 * @param uri     where the image is; null when the reference was refused
 * @param status  {@link ImageStatus#OK} when resolved (nothing read yet), else {@link ImageStatus#EMPTY},
 *                {@link ImageStatus#OUTSIDE_ROOT} or {@link ImageStatus#MISSING} (a text that cannot name a file)
 * @param problem why it was refused, naming the reference; empty when resolved
 */
public record ImageReference(String text, BlobUri uri, ImageStatus status, String problem) {

    public ImageReference {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(problem, "problem");
        if ((status == ImageStatus.OK) != (uri != null)) {
            throw new IllegalArgumentException("A resolved reference has a URI, a refused one has none");
        }
    }

    static ImageReference resolved(String text, BlobUri uri) {
        return new ImageReference(text, uri, ImageStatus.OK, "");
    }

    static ImageReference refused(String text, ImageStatus status, String problem) {
        return new ImageReference(text, null, status, problem);
    }

    /** Whether the reference names a location (which may still hold no image). */
    public boolean resolved() {
        return status == ImageStatus.OK;
    }

    /** How a person recognises this reference in a message: the cell, and where it led when that differs. */
    public String describe() {
        if (uri == null || uri.toString().equals(text)) {
            return "'" + text + "'";
        }
        return "'" + text + "' (" + uri + ")";
    }

    /** The facts of a refused reference; only for refused ones. */
    public ImageFacts refusal() {
        if (resolved()) {
            throw new IllegalStateException(describe() + " was resolved, not refused");
        }
        return new ImageFacts(status, 0, 0, -1, problem);
    }
}
