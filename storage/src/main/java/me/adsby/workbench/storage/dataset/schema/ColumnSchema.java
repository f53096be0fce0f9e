package me.adsby.workbench.storage.dataset.schema;

import java.util.Objects;

/**
 * One column of a {@link Schema}.
 *
 * @param index position in the header, from 0
 */
public record ColumnSchema(String name, int index, ColumnType type, ColumnRole role) {

    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
    }

    public ColumnSchema withType(ColumnType newType) {
        return new ColumnSchema(name, index, newType, role);
    }

    public ColumnSchema withRole(ColumnRole newRole) {
        return new ColumnSchema(name, index, type, newRole);
    }
}
