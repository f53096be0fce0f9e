package me.adsby.workbench.engine.input;

import java.util.Objects;

import me.adsby.workbench.storage.dataset.RowProblem;

/**
 * A row that did not become an example, where it is.
 *
 * @param file   the CSV's name, as its source names it
 * @param line   the physical line where the row starts (1 = the header)
 * @param kind   why
 * @param reason for people, e.g. {@code expected 14 fields, found 13}
 */
public record BadRow(String file, long line, BadRowKind kind, String reason) {

    public BadRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    static BadRow of(RowProblem problem) {
        return new BadRow(problem.file(), problem.line(), BadRowKind.of(problem.kind()), problem.reason());
    }

    /** {@code file:line: reason}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
