package me.adsby.workbench.storage.dataset.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SchemaStore} keeps of one dataset: its URI, what the file was when the schema was saved (size and
 * generation, to say when it changed since), when, and the columns.
 *
 * @param uri        the dataset's URI, as {@code BlobUri#toString} writes it
 * @param size       the file's size in bytes when saved, or -1 when unknown
 * @param generation the file's generation when saved (GCS's, or a local file's modification time), or 0
 * @param savedAt    when, as an ISO-8601 instant
 * @param schema     the columns, in header order
 */
public record SavedSchema(String uri, long size, long generation, String savedAt, Schema schema) {

    public SavedSchema {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(schema, "schema");
    }

    /** The JSON document, one version of the format. */
    record Document(int format, String uri, long size, long generation, String savedAt, List<Column> columns) {
    }

    /** One column in the JSON document; enums by name, so that the file reads well and survives refactoring. */
    record Column(String name, String type, String role, String transform, String reason) {
    }

    Document document() {
        List<Column> columns = new ArrayList<>();
        for (ColumnSchema c : schema.columns()) {
            columns.add(new Column(c.name(), c.type().name(), c.role().name(), c.transform().name(), c.reason()));
        }
        return new Document(SchemaStore.FORMAT, uri, size, generation, savedAt, columns);
    }

    /** @throws IllegalArgumentException naming what is wrong with the document */
    static SavedSchema of(Document document) {
        if (document.format() != SchemaStore.FORMAT) {
            throw new IllegalArgumentException("format " + document.format() + " is not the known "
                    + SchemaStore.FORMAT);
        }
        if (document.uri() == null || document.columns() == null || document.columns().isEmpty()) {
            throw new IllegalArgumentException("the uri and the columns are needed");
        }
        List<ColumnSchema> columns = new ArrayList<>();
        for (Column c : document.columns()) {
            if (c == null || c.name() == null) {
                throw new IllegalArgumentException("column " + (columns.size() + 1) + " has no name");
            }
            columns.add(new ColumnSchema(c.name(), columns.size(), parse(ColumnType.class, c.type(), c.name()),
                    parse(ColumnRole.class, c.role(), c.name()),
                    c.transform() == null ? NumericTransform.NONE : parse(NumericTransform.class, c.transform(), c.name()),
                    c.reason()));
        }
        return new SavedSchema(document.uri(), document.size(), document.generation(),
                document.savedAt() == null ? "" : document.savedAt(), new Schema(columns));
    }

    private static <E extends Enum<E>> E parse(Class<E> kind, String value, String column) {
        if (value != null) {
            for (E constant : kind.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value)) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("column '" + column + "' has " + kind.getSimpleName() + " '" + value
                + "'; expected one of " + java.util.Arrays.toString(kind.getEnumConstants()));
    }
}
