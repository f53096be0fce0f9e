package me.adsby.workbench.storage.dataset.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The columns of a dataset with their types, roles and numeric transforms, as inferred
 * ({@link SchemaInference}) and then overridden by the user (and saved: {@link SchemaStore}). Immutable: the
 * {@code with...} methods return a new schema.
 */
public record Schema(List<ColumnSchema> columns) {

    public Schema {
        columns = List.copyOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).index() != i) {
                throw new IllegalArgumentException("column " + columns.get(i).name() + " has index "
                        + columns.get(i).index() + ", expected " + i);
            }
        }
        if (columns.stream().filter(c -> c.role() == ColumnRole.LABEL).count() > 1) {
            throw new IllegalArgumentException("a schema has at most one label column");
        }
    }

    /** The column of that name. */
    public ColumnSchema column(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no column named '" + name + "'"));
    }

    public Optional<ColumnSchema> find(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The label column, if there is one. */
    public Optional<ColumnSchema> label() {
        return columns.stream().filter(c -> c.role() == ColumnRole.LABEL).findFirst();
    }

    /** The first column in the IMAGE role, if there is one. */
    public Optional<ColumnSchema> image() {
        return columns.stream().filter(c -> c.role() == ColumnRole.IMAGE).findFirst();
    }

    public List<String> names() {
        return columns.stream().map(ColumnSchema::name).toList();
    }

    public int size() {
        return columns.size();
    }

    public Schema withType(String column, ColumnType type) {
        Objects.requireNonNull(type, "type");
        return replace(column(column).withType(type));
    }

    /** Sets a numeric column's transform (other types keep NONE). */
    public Schema withTransform(String column, NumericTransform transform) {
        Objects.requireNonNull(transform, "transform");
        return replace(column(column).withTransform(transform));
    }

    /** Sets a role; making a column the LABEL makes the former label a FEATURE. */
    public Schema withRole(String column, ColumnRole role) {
        Objects.requireNonNull(role, "role");
        if (role == ColumnRole.LABEL) {
            return withLabel(column);
        }
        return replace(column(column).withRole(role));
    }

    /**
     * Makes {@code column} the label (and BINARY); the former label becomes a FEATURE. {@code null} leaves the
     * schema without a label.
     */
    public Schema withLabel(String column) {
        List<ColumnSchema> next = new ArrayList<>();
        ColumnSchema target = column == null ? null : column(column);
        for (ColumnSchema c : columns) {
            if (target != null && c.index() == target.index()) {
                next.add(new ColumnSchema(c.name(), c.index(), ColumnType.BINARY, ColumnRole.LABEL));
            } else if (c.role() == ColumnRole.LABEL) {
                next.add(c.withRole(ColumnRole.FEATURE));
            } else {
                next.add(c);
            }
        }
        return new Schema(next);
    }

    private Schema replace(ColumnSchema changed) {
        List<ColumnSchema> next = new ArrayList<>(columns);
        next.set(changed.index(), changed);
        return new Schema(next);
    }
}
