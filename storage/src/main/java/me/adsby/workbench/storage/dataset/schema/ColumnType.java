package me.adsby.workbench.storage.dataset.schema;

/**
 * What a column's values are. INTEGER and FLOAT are both numeric and accept any number (INTEGER says that
 * the sample held whole numbers only); BINARY is two-valued (0/1, true/false, yes/no); IMAGE holds
 * references to {@code .png}/{@code .jpg}/{@code .jpeg} images (relative paths or {@code gs://} URIs).
 */
public enum ColumnType {
    INTEGER, FLOAT, CATEGORICAL, BINARY, IMAGE;

    /** Whether values are parsed as numbers. */
    public boolean numeric() {
        return this == INTEGER || this == FLOAT;
    }
}
