package me.adsby.workbench.engine.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.Schema;

/**
 * The columns that name a thing a row is about (an ad, a user, a campaign, an image) and so must not be split
 * across training and validation: columns in the key, group or image role, and columns named like an identifier
 * ({@code id}, {@code *_id}, {@code *-id}, {@code *Id}, {@code pid}, {@code uid}), in schema order.
 */
public final class IdLikeColumns {

    private static final Set<String> SHORT_IDS = Set.of("id", "pid", "uid", "aid", "cid", "sid");

    private IdLikeColumns() {
    }

    /** Whether the name reads as an identifier. */
    public static boolean idName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SHORT_IDS.contains(lower) || lower.endsWith("_id") || lower.endsWith("-id")
                || (name.length() > 2 && name.endsWith("Id") && Character.isLowerCase(name.charAt(name.length() - 3)));
    }

    /** The identifier-like columns of the schema, the label and {@code except} left out. */
    public static List<String> of(Schema schema, String label, String except) {
        List<String> names = new ArrayList<>();
        for (ColumnSchema column : schema.columns()) {
            if (column.name().equals(label) || column.name().equals(except)) {
                continue;
            }
            boolean role = column.role() == ColumnRole.KEY || column.role() == ColumnRole.IMAGE
                    || column.role() == ColumnRole.GROUP;
            if (role || idName(column.name())) {
                names.add(column.name());
            }
        }
        return names;
    }
}
