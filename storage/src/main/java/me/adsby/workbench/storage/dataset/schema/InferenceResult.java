package me.adsby.workbench.storage.dataset.schema;

import java.util.List;
import java.util.Objects;

import me.adsby.workbench.storage.dataset.RowProblem;

/**
 * A schema inferred from a file, with what inference found wrong.
 *
 * @param schema   the inferred schema; each column whose role is not FEATURE says why in its reason
 * @param rowsRead rows read (good ones: rows with a wrong field count or bad bytes are left out)
 * @param complete false when reading stopped early (a fatal problem, or a row limit)
 * @param problems what the file should fix, as {@code file:line: reason}: a column named like a label whose
 *                 values are not binary, at the line of its first such value
 */
public record InferenceResult(Schema schema, long rowsRead, boolean complete, List<RowProblem> problems) {

    public InferenceResult {
        Objects.requireNonNull(schema, "schema");
        problems = List.copyOf(problems);
    }
}
