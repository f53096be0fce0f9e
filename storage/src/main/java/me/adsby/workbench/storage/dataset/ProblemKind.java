package me.adsby.workbench.storage.dataset;

/** What is wrong with a row, or with the file as a whole. */
public enum ProblemKind {
    /** A row has more or fewer fields than the header. */
    WRONG_FIELD_COUNT(false),
    /** A cell of a numeric column is neither a number nor missing. */
    NOT_A_NUMBER(false),
    /** A label cell is none of 0/1, true/false, yes/no. */
    LABEL_NOT_BINARY(false),
    /** Bytes that are not UTF-8 in a row. */
    INVALID_UTF8(false),
    /** An image cell names no file or object. */
    IMAGE_MISSING(false),
    /** An image cell leaves the dataset's folder (a {@code ..}, an absolute path, a symbolic link that leads out). */
    IMAGE_OUTSIDE_ROOT(false),
    /** An image is not a JPEG or PNG, or its bytes cannot be decoded (empty, truncated, garbage). */
    IMAGE_UNDECODABLE(false),
    /** An image's header claims more pixels than the limit. */
    IMAGE_TOO_LARGE(false),
    /** An image could not be read (permissions, network). */
    IMAGE_UNREADABLE(false),
    /** A quoted field never ends: the rest of the file cannot be trusted. */
    UNTERMINATED_QUOTE(true),
    /** Characters between a closing quote and the next delimiter: the rest cannot be trusted. */
    MALFORMED_QUOTE(true),
    /** Two columns of the header share a name. */
    DUPLICATE_HEADER(true),
    /** The header is unusable (a column without a name, bytes that are not UTF-8). */
    MISSING_HEADER(true),
    /** The header's names are not the schema's (another file's schema?). */
    HEADER_MISMATCH(true),
    /** The stream failed while reading (network, permissions). */
    READ_FAILED(true),
    /** The file has no row: it is empty, or holds a header only. */
    NO_ROWS(true);

    private final boolean fatal;

    ProblemKind(boolean fatal) {
        this.fatal = fatal;
    }

    /** Whether reading stops at this problem whatever the {@link ErrorPolicy}. */
    public boolean fatal() {
        return fatal;
    }
}
