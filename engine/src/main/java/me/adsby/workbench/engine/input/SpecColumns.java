package me.adsby.workbench.engine.input;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.Schema;

/**
 * Where the spec's columns are in the CSV, and the schema rows are parsed by: the dataset's schema with the
 * spec's label as its label, the spec's numeric features parsed as numbers (binary ones as 0/1), and every
 * column the spec does not read taken as text, so that a bad value in an unused column does not make a row bad.
 */
record SpecColumns(Schema parseSchema, int[] numeric, boolean[] binary, int[] categorical, int image, int label, int key,
        int[] watched, List<String> watchedNames) {

    static SpecColumns of(Schema schema, FeatureSpec spec, SplitSettings split) {
        return of(schema, spec, split, List.of());
    }

    /** As {@link #of(Schema, FeatureSpec, SplitSettings)}, watching {@code watch} for leakage across the split. */
    static SpecColumns of(Schema schema, FeatureSpec spec, SplitSettings split, List<String> watch) {
        Set<String> numericNames = new HashSet<>(spec.numeric());
        List<ColumnSchema> columns = new ArrayList<>();
        for (ColumnSchema column : schema.columns()) {
            ColumnSchema parsed;
            if (column.name().equals(spec.label())) {
                parsed = new ColumnSchema(column.name(), column.index(), ColumnType.BINARY, ColumnRole.LABEL);
            } else if (numericNames.contains(column.name())) {
                ColumnType type = column.type() == ColumnType.BINARY || column.type().numeric() ? column.type() : ColumnType.FLOAT;
                parsed = new ColumnSchema(column.name(), column.index(), type, ColumnRole.FEATURE);
            } else {
                parsed = new ColumnSchema(column.name(), column.index(), ColumnType.CATEGORICAL,
                        column.role() == ColumnRole.LABEL ? ColumnRole.FEATURE : column.role());
            }
            columns.add(parsed);
        }
        Schema parseSchema = new Schema(columns);
        int[] numeric = indices(parseSchema, spec.numeric());
        boolean[] binary = new boolean[numeric.length];
        for (int k = 0; k < numeric.length; k++) {
            binary[k] = parseSchema.columns().get(numeric[k]).type() == ColumnType.BINARY;
        }
        int[] categorical = indices(parseSchema, spec.categorical());
        int image = spec.hasImage() ? index(parseSchema, spec.image()) : -1;
        int label = index(parseSchema, spec.label());
        int key = split.keyColumn() == null ? -1 : index(parseSchema, split.keyColumn());
        return new SpecColumns(parseSchema, numeric, binary, categorical, image, label, key, indices(parseSchema, watch),
                List.copyOf(watch));
    }

    private static int[] indices(Schema schema, List<String> names) {
        return names.stream().mapToInt(name -> index(schema, name)).toArray();
    }

    private static int index(Schema schema, String name) {
        return schema.find(name).orElseThrow(() -> new IllegalArgumentException(
                "The feature spec names the column '" + name + "', which the dataset does not have; it has "
                        + schema.names())).index();
    }

    /** A stable text of the dataset schema and the spec, part of the prepared cache's key. */
    static String fingerprint(Schema schema, FeatureSpec spec) {
        StringBuilder text = new StringBuilder("schema:");
        for (ColumnSchema column : schema.columns()) {
            text.append(column.name()).append(':').append(column.type()).append(':').append(column.role()).append(';');
        }
        text.append("|numeric:").append(spec.numeric())
                .append("|categorical:").append(spec.categorical())
                .append("|image:").append(spec.image())
                .append("|label:").append(spec.label())
                .append("|imageSize:").append(spec.hasImage() ? spec.imageSize() : 0);
        return text.toString();
    }
}
