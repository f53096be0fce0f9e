package me.adsby.workbench.storage.dataset.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import me.adsby.workbench.storage.dataset.RowProblem;

/**
 * One row of a {@link Preview}: bad rows are included and marked.
 *
 * @param line    the physical line where the row starts
 * @param text    the cells as written (as many as the row has, which may differ from the header)
 * @param values  per column of the schema: a {@code Double} for a number, {@code Boolean} for the label,
 *                the text otherwise, null when missing (or when the row is bad)
 * @param problem what is wrong with the row, or null
 */
public record PreviewRow(long line, List<String> text, List<Object> values, RowProblem problem) {

    public PreviewRow {
        text = List.copyOf(text);
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    public boolean bad() {
        return problem != null;
    }
}
