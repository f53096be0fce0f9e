package me.adsby.workbench.storage.image;

/** What became of one image reference of a dataset. */
public enum ImageStatus {
    /** Resolved, read and decodable (its header at least). */
    OK,
    /** The cell is empty. */
    EMPTY,
    /** No file or object at the resolved location. */
    MISSING,
    /** A relative path that leaves the dataset's root (e.g. {@code ../../etc/passwd}). */
    OUTSIDE_ROOT,
    /** Not a JPEG or PNG, or its bytes cannot be decoded. */
    UNDECODABLE,
    /** Larger than the limit (in pixels); refused without decoding. */
    TOO_LARGE,
    /** The store failed (permissions, network) for this image. */
    UNREADABLE
}
