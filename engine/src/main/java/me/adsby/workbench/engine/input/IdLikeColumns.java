package me.adsby.workbench.engine.input;

import java.util.ArrayList;
import java.util.List;

import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.Schema;

/**
 * The columns that name a thing a row is about (an ad, a user, an image) and so must not be split across
 * training and validation: the columns in the key, group or image role, in schema order. The schema decides
 * which columns those are from their names and values (an id-named column whose values repeat, with more of them
 * than the square root of the rows, is a group); an id-named column that stays a feature (a few dozen campaigns)
 * is a category, not an identifier.
 */
public final class IdLikeColumns {

    private IdLikeColumns() {
    }

    /** The identifier-like columns of the schema, the label and {@code except} left out. */
    public static List<String> of(Schema schema, String label, String except) {
        List<String> names = new ArrayList<>();
        for (ColumnSchema column : schema.columns()) {
            if (column.name().equals(label) || column.name().equals(except)) {
                continue;
            }
            if (column.role() == ColumnRole.KEY || column.role() == ColumnRole.IMAGE || column.role() == ColumnRole.GROUP) {
                names.add(column.name());
            }
        }
        return names;
    }
}
