package me.adsby.workbench.storage.dataset.check;

import org.apache.commons.csv.CSVRecord;

import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.NumberParser;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.Values;

/**
 * Reads the cells of a structurally sound row by the schema, into reusable arrays (no allocation per cell):
 * numbers of numeric columns, the label as 0/1, and which cells are missing. Reports the first problem of
 * the row: a numeric cell that is not a number, or a label that is not binary. Not thread-safe.
 */
public final class RowParser {

    private final String file;
    private final int width;
    private final boolean[] numeric;
    private final String[] names;
    private final int labelIndex;
    private final NumberParser parser = new NumberParser();

    private final String[] text;
    private final boolean[] missing;
    private final double[] numbers;
    private int label;

    public RowParser(String file, Schema schema) {
        this.file = file;
        this.width = schema.size();
        this.numeric = new boolean[width];
        this.names = new String[width];
        for (ColumnSchema c : schema.columns()) {
            numeric[c.index()] = c.type().numeric() && c.role() != ColumnRole.LABEL;
            names[c.index()] = c.name();
        }
        this.labelIndex = schema.label().map(ColumnSchema::index).orElse(-1);
        this.text = new String[width];
        this.missing = new boolean[width];
        this.numbers = new double[width];
    }

    /** Parses a row whose field count matches the schema; returns its first problem, or null. */
    public RowProblem parse(CSVRecord record, long line) {
        RowProblem problem = null;
        label = -1;
        for (int i = 0; i < width; i++) {
            String value = record.get(i);
            text[i] = value;
            boolean absent = Values.isMissing(value);
            missing[i] = absent;
            if (absent || problem != null) {
                continue;
            }
            if (i == labelIndex) {
                label = Values.binary(value);
                if (label == Values.NOT_BINARY) {
                    problem = new RowProblem(file, line, ProblemKind.LABEL_NOT_BINARY, "label column '" + names[i]
                            + "' has '" + shorten(value) + "'; expected 0/1, true/false or yes/no");
                }
            } else if (numeric[i]) {
                if (parser.parse(value)) {
                    numbers[i] = parser.value();
                } else {
                    problem = new RowProblem(file, line, ProblemKind.NOT_A_NUMBER,
                            "column '" + names[i] + "' expects a number, found '" + shorten(value) + "'");
                }
            }
        }
        return problem;
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    public String text(int column) {
        return text[column];
    }

    public boolean missing(int column) {
        return missing[column];
    }

    /** The number of a numeric column's cell that is not missing. */
    public double number(int column) {
        return numbers[column];
    }

    /** The label of the last row: 1, 0, or -1 when missing or there is no label column. */
    public int label() {
        return label;
    }

    public boolean numeric(int column) {
        return numeric[column];
    }

    public int labelIndex() {
        return labelIndex;
    }
}
