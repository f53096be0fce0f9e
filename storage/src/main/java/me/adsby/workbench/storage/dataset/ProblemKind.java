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
    /** A quoted field never ends: the rest of the file cannot be trusted. */
    UNTERMINATED_QUOTE(true),
    /** Characters between a closing quote and the next delimiter: the rest cannot be trusted. */
    MALFORMED_QUOTE(true),
    /** Two columns of the header share a name. */
    DUPLICATE_HEADER(true),
    /** The file is empty, or its header is unusable (a column without a name, bytes that are not UTF-8). */
    MISSING_HEADER(true),
    /** The header's names are not the schema's (another file's schema?). */
    HEADER_MISMATCH(true),
    /** The stream failed while reading (network, permissions). */
    READ_FAILED(true);

    private final boolean fatal;

    ProblemKind(boolean fatal) {
        this.fatal = fatal;
    }

    /** Whether reading stops at this problem whatever the {@link ErrorPolicy}. */
    public boolean fatal() {
        return fatal;
    }
}
