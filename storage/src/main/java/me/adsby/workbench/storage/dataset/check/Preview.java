package me.adsby.workbench.storage.dataset.check;

import java.util.List;

import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.schema.Schema;

/**
 * The first rows of a file, for a table in the UI.
 *
 * @param schema    the schema the values were read by
 * @param rows      at most the requested number of rows, bad ones included and marked
 * @param stop      a problem that ended the file early (an unterminated quote, an unusable header), or null
 * @param truncated whether the file has more rows than shown
 */
public record Preview(Schema schema, List<PreviewRow> rows, RowProblem stop, boolean truncated) {

    public Preview {
        rows = List.copyOf(rows);
    }
}
