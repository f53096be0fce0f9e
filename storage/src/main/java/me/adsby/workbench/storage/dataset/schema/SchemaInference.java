package me.adsby.workbench.storage.dataset.schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.csv.CsvRowReader;

/**
 * Infers a {@link Schema} from the first rows of a CSV (1,000 unless told). Rows with a wrong number of
 * fields or bad bytes are left out of the sample. Per column, over the values that are not missing:
 * <ul>
 * <li>type: BINARY when all are binary (0/1, true/false, yes/no), else INTEGER when all are whole numbers,
 * FLOAT when all are numbers, IMAGE when all name images, else CATEGORICAL (also when all are missing);</li>
 * <li>role: LABEL for the first BINARY column named (case-insensitive) clicked, click, is_click, label or y,
 * in that order of preference; IMAGE for the first IMAGE column; KEY for a column named id or ending in
 * _id / -id whose sample values are all present and distinct; else FEATURE. Other IMAGE columns are
 * IGNORED.</li>
 * </ul>
 */
public final class SchemaInference {

    /** The usual sample size. */
    public static final int DEFAULT_SAMPLE_ROWS = 1000;

    private static final List<String> LABEL_NAMES = List.of("clicked", "click", "is_click", "label", "y");

    private SchemaInference() {
    }

    public static Schema infer(CsvSource source) throws IOException {
        return infer(source, DEFAULT_SAMPLE_ROWS);
    }

    public static Schema infer(CsvSource source, int sampleRows) throws IOException {
        try (CsvRowReader rows = CsvRowReader.open(source)) {
            List<String> names = rows.header();
            List<ColumnEvidence> evidence = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                evidence.add(new ColumnEvidence());
            }
            int used = 0;
            while (used < sampleRows && rows.next()) {
                if (rows.problem() != null) {
                    if (rows.problem().kind().fatal()) {
                        break;
                    }
                    continue;
                }
                CSVRecord record = rows.record();
                for (int i = 0; i < names.size(); i++) {
                    evidence.get(i).see(record.get(i));
                }
                used++;
            }
            return decide(names, evidence);
        }
    }

    private static Schema decide(List<String> names, List<ColumnEvidence> evidence) {
        List<ColumnSchema> columns = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            ColumnEvidence e = evidence.get(i);
            columns.add(new ColumnSchema(names.get(i), i, e.type(), roleWithoutLabel(names.get(i), e)));
        }
        boolean imageTaken = false;
        for (int i = 0; i < columns.size(); i++) {
            ColumnSchema c = columns.get(i);
            if (c.role() == ColumnRole.IMAGE) {
                if (imageTaken) {
                    columns.set(i, c.withRole(ColumnRole.IGNORED));
                }
                imageTaken = true;
            }
        }
        Schema schema = new Schema(columns);
        for (String labelName : LABEL_NAMES) {
            for (ColumnSchema c : columns) {
                if (c.name().equalsIgnoreCase(labelName) && c.type() == ColumnType.BINARY) {
                    return schema.withLabel(c.name());
                }
            }
        }
        return schema;
    }

    private static ColumnRole roleWithoutLabel(String name, ColumnEvidence e) {
        if (e.type() == ColumnType.IMAGE) {
            return ColumnRole.IMAGE;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean keyName = lower.equals("id") || lower.endsWith("_id") || lower.endsWith("-id");
        if (keyName && e.present > 0 && e.missing == 0 && e.allDistinct()) {
            return ColumnRole.KEY;
        }
        return ColumnRole.FEATURE;
    }

    /** What the sample says of one column. */
    private static final class ColumnEvidence {
        private final NumberParser numbers = new NumberParser();
        private final Set<String> distinct = new HashSet<>();
        private boolean repeated;
        private int present;
        private int missing;
        private boolean binary = true;
        private boolean integer = true;
        private boolean number = true;
        private boolean image = true;

        void see(String value) {
            if (Values.isMissing(value)) {
                missing++;
                return;
            }
            present++;
            if (!repeated && !distinct.add(value)) {
                repeated = true;
                distinct.clear();
            }
            binary &= Values.binary(value) != Values.NOT_BINARY;
            if (number) {
                number = numbers.parse(value);
                integer &= number && numbers.integral();
            }
            image &= Values.isImage(value);
        }

        boolean allDistinct() {
            return !repeated;
        }

        ColumnType type() {
            if (present == 0) {
                return ColumnType.CATEGORICAL;
            }
            if (binary) {
                return ColumnType.BINARY;
            }
            if (integer) {
                return ColumnType.INTEGER;
            }
            if (number) {
                return ColumnType.FLOAT;
            }
            return image ? ColumnType.IMAGE : ColumnType.CATEGORICAL;
        }
    }
}
