package me.adsby.workbench.app.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.Schema;

/**
 * The New Run form's feature list from a schema: every feature column, checked; and every key, group, time, text
 * or ignored column (never the label or the image), unchecked with the reason the schema gives, so that a person
 * sees why an identifier is not a feature and may still choose it. The request's schema turns a checked column of
 * another role into a feature.
 */
final class FeatureChoices {

    private FeatureChoices() {
    }

    /** The choices for the schema with {@code label} as the label, keeping what a person checked before. */
    static List<FeatureChoice> of(Schema schema, String label, Map<String, Boolean> before) {
        List<FeatureChoice> choices = new ArrayList<>();
        for (ColumnSchema column : schema.columns()) {
            if (column.name().equals(label) || column.role() == ColumnRole.IMAGE) {
                continue;
            }
            boolean feature = column.role() == ColumnRole.FEATURE || column.role() == ColumnRole.LABEL;
            String type = column.type().name().toLowerCase(Locale.ROOT);
            String shown = feature ? type : type + ", " + column.role().name().toLowerCase(Locale.ROOT)
                    + (column.reason().isEmpty() ? "" : ": " + column.reason());
            choices.add(new FeatureChoice(column.name(), shown, before.getOrDefault(column.name(), feature)));
        }
        return choices;
    }

    /** The schema the run trains by: each checked column a feature (unchecked ones are the request's exclusions). */
    static Schema requested(Schema schema, List<FeatureChoice> choices) {
        Schema requested = schema;
        for (FeatureChoice choice : choices) {
            ColumnSchema column = schema.column(choice.name());
            if (choice.included() && column.role() != ColumnRole.FEATURE && column.role() != ColumnRole.LABEL) {
                requested = requested.withRole(choice.name(), ColumnRole.FEATURE);
            }
        }
        return requested;
    }
}
