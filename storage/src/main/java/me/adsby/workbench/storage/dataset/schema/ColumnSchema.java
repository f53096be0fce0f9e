package me.adsby.workbench.storage.dataset.schema;

import java.util.Objects;

/**
 * One column of a {@link Schema}.
 *
 * @param index     position in the header, from 0
 * @param transform how a numeric column is scaled; NONE for every other type
 * @param reason    why inference gave the column its role when that is not FEATURE (for people, e.g.
 *                  {@code ad_id: 281 distinct values over 2,865 rows, repeats: group}); empty when there is
 *                  nothing to say or the role was set by hand
 */
public record ColumnSchema(String name, int index, ColumnType type, ColumnRole role, NumericTransform transform,
                           String reason) {

    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(transform, "transform");
        reason = reason == null ? "" : reason;
        if (!type.numeric()) {
            transform = NumericTransform.NONE;
        }
    }

    /** A column without a transform or a reason. */
    public ColumnSchema(String name, int index, ColumnType type, ColumnRole role) {
        this(name, index, type, role, NumericTransform.NONE, "");
    }

    /**
     * Another type. A numeric column keeps its transform; a column that becomes numeric is standardized,
     * one that stops being numeric has none.
     */
    public ColumnSchema withType(ColumnType newType) {
        NumericTransform next = newType.numeric() && transform == NumericTransform.NONE && !type.numeric()
                ? NumericTransform.STANDARDIZE : transform;
        return new ColumnSchema(name, index, newType, role, next, reason);
    }

    /** Another role; the reason inference gave goes with the old role. */
    public ColumnSchema withRole(ColumnRole newRole) {
        return newRole == role ? this : new ColumnSchema(name, index, type, newRole, transform, "");
    }

    public ColumnSchema withTransform(NumericTransform newTransform) {
        return new ColumnSchema(name, index, type, role, newTransform, reason);
    }

    public ColumnSchema withReason(String newReason) {
        return new ColumnSchema(name, index, type, role, transform, newReason);
    }
}
