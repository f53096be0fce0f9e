package me.adsby.workbench.storage.dataset.schema;

/**
 * What a column's values are. INTEGER and FLOAT are both numeric and accept any number (INTEGER says that
 * every value read was a whole number); BINARY is two-valued (0/1, true/false, yes/no); CATEGORICAL is a
 * string from a set of levels; TEXT is free text or a string with too many distinct values to be levels
 * (not a model feature by default); IMAGE holds references to {@code .png}/{@code .jpg}/{@code .jpeg} images
 * (relative paths or {@code gs://} URIs).
 *
 * <p>Inference widens a column's type as rows are read: BINARY, then INTEGER, then FLOAT, then CATEGORICAL
 * (see {@link SchemaInference}).
 */
public enum ColumnType {
    INTEGER, FLOAT, CATEGORICAL, BINARY, IMAGE, TEXT;

    /** Whether values are parsed as numbers. */
    public boolean numeric() {
        return this == INTEGER || this == FLOAT;
    }
}
