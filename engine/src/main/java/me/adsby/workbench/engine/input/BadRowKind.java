package me.adsby.workbench.engine.input;

import me.adsby.workbench.storage.dataset.ProblemKind;

/** Why a row could not become an example. */
public enum BadRowKind {
    /** More or fewer fields than the header. */
    WRONG_FIELD_COUNT,
    /** A numeric feature's cell is neither a number nor missing. */
    NOT_A_NUMBER,
    /** The label is none of 0/1, true/false, yes/no. */
    LABEL_NOT_BINARY,
    /** The label cell is missing: an example needs a label. */
    MISSING_LABEL,
    /** Bytes that are not UTF-8. */
    INVALID_UTF8,
    /** The image cell names an image that cannot be used: outside the dataset, absent, undecodable, too large. */
    IMAGE_UNUSABLE,
    /** The time column of a time split holds no time (empty, or none of the forms {@link TimeValues} reads). */
    NOT_A_TIME,
    /** The rest of the file cannot be read (a broken quote, a failed read): preparation stops here. */
    UNREADABLE_FILE;

    /** The kind of a problem the CSV reader or row parser reported. */
    static BadRowKind of(ProblemKind kind) {
        return switch (kind) {
            case WRONG_FIELD_COUNT -> WRONG_FIELD_COUNT;
            case NOT_A_NUMBER -> NOT_A_NUMBER;
            case LABEL_NOT_BINARY -> LABEL_NOT_BINARY;
            case INVALID_UTF8 -> INVALID_UTF8;
            case IMAGE_MISSING, IMAGE_OUTSIDE_ROOT, IMAGE_UNDECODABLE, IMAGE_TOO_LARGE, IMAGE_UNREADABLE -> IMAGE_UNUSABLE;
            default -> UNREADABLE_FILE;
        };
    }
}
