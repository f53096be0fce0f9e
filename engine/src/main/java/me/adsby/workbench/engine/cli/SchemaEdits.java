package me.adsby.workbench.engine.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.NumericTransform;
import me.adsby.workbench.storage.dataset.schema.Schema;

/**
 * The {@code --set COL=type:role[:transform]} edits of {@code datasets schema}: an empty part keeps what the
 * column has ({@code pid=:ignored}). Names are case-insensitive. Each bad edit is an
 * {@link IllegalArgumentException} that says which edit, and what is wrong with it.
 */
final class SchemaEdits {

    private SchemaEdits() {
    }

    static Schema apply(Schema schema, List<String> edits) {
        Schema edited = schema;
        for (String edit : edits) {
            edited = applyOne(edited, edit);
        }
        return edited;
    }

    private static Schema applyOne(Schema schema, String edit) {
        int equals = edit.lastIndexOf('=');
        if (equals <= 0) {
            throw bad(edit, "expected COL=type:role[:transform], e.g. bid=float:feature:log1p");
        }
        String name = edit.substring(0, equals).strip();
        String[] parts = edit.substring(equals + 1).split(":", -1);
        if (parts.length > 3 || parts.length < 1) {
            throw bad(edit, "expected COL=type:role[:transform], e.g. bid=float:feature:log1p");
        }
        ColumnSchema column = schema.find(name).orElseThrow(() -> bad(edit, "there is no column '" + name
                + "'; the columns are " + schema.names()));
        ColumnType type = parts[0].isBlank() ? null : parse(edit, ColumnType.class, "type", parts[0]);
        ColumnRole role = parts.length < 2 || parts[1].isBlank() ? null : parse(edit, ColumnRole.class, "role", parts[1]);
        NumericTransform transform = parts.length < 3 || parts[2].isBlank() ? null
                : parse(edit, NumericTransform.class, "transform", parts[2]);
        ColumnType resultingType = type != null ? type : column.type();
        if (role == ColumnRole.LABEL && type != null && type != ColumnType.BINARY) {
            throw bad(edit, "a label is binary (0/1, true/false, yes/no), not " + lower(type));
        }
        if (transform != null && transform != NumericTransform.NONE && !resultingType.numeric()) {
            throw bad(edit, "only integer and float columns have a transform; '" + name + "' is " + lower(resultingType));
        }
        Schema edited = schema;
        if (type != null) {
            edited = edited.withType(column.name(), type);
        }
        if (role != null) {
            edited = edited.withRole(column.name(), role);
        }
        if (transform != null) {
            edited = edited.withTransform(column.name(), transform);
        }
        return edited;
    }

    private static <E extends Enum<E>> E parse(String edit, Class<E> kind, String what, String text) {
        for (E constant : kind.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        throw bad(edit, "unknown " + what + " '" + text.strip() + "'; expected one of "
                + String.join(", ", Arrays.stream(kind.getEnumConstants()).map(SchemaEdits::lower).toList()));
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException bad(String edit, String reason) {
        return new IllegalArgumentException("--set '" + edit + "': " + reason);
    }
}
