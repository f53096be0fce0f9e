package me.adsby.workbench.storage.dataset;

import java.util.Objects;

/**
 * One problem of a dataset, where it is: the physical line where the bad row starts (1-based, counting the
 * header and the lines inside multi-line quoted fields), or the line where reading had to stop.
 *
 * @param file   the file's name, as its {@link CsvSource} names it
 * @param line   1-based physical line number
 * @param kind   what sort of problem
 * @param reason for people, e.g. {@code expected 5 fields, found 4}
 */
public record RowProblem(String file, long line, ProblemKind kind, String reason) {

    public RowProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code file:line: reason}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
