package me.adsby.workbench.storage.dataset.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.csv.CsvRowReader;
import me.adsby.workbench.storage.dataset.schema.Schema;

/** Reads the first rows of a file into a {@link Preview}. */
public final class Previewer {

    /** The usual number of rows. */
    public static final int DEFAULT_ROWS = 1000;

    private Previewer() {
    }

    /**
     * @param maxRows at most this many rows (blank lines are not rows)
     * @throws IOException when the source cannot be read; a bad header is the preview's {@code stop}
     */
    public static Preview preview(CsvSource source, Schema schema, int maxRows) throws IOException {
        List<PreviewRow> rows = new ArrayList<>();
        try (CsvRowReader reader = CsvRowReader.open(source)) {
            RowScan.checkHeader(source, schema, reader);
            RowParser parser = new RowParser(source.name(), schema);
            while (rows.size() < maxRows && reader.next()) {
                RowProblem problem = reader.problem();
                if (reader.record() == null) {
                    return new Preview(schema, rows, problem, false);
                }
                if (problem == null) {
                    problem = parser.parse(reader.record(), reader.line());
                }
                List<String> text = reader.values();
                rows.add(new PreviewRow(reader.line(), text,
                        problem == null ? values(parser, schema.size()) : nulls(schema.size()), problem));
            }
            boolean more = rows.size() == maxRows && reader.next();
            RowProblem stop = more && reader.record() == null ? reader.problem() : null;
            return new Preview(schema, rows, stop, more && stop == null);
        } catch (BadDataException header) {
            return new Preview(schema, rows, header.problems().get(0), false);
        }
    }

    private static List<Object> values(RowParser parser, int width) {
        List<Object> values = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            if (parser.missing(i)) {
                values.add(null);
            } else if (i == parser.labelIndex()) {
                values.add(parser.label() == 1);
            } else if (parser.numeric(i)) {
                values.add(parser.number(i));
            } else {
                values.add(parser.text(i));
            }
        }
        return values;
    }

    private static List<Object> nulls(int width) {
        return Arrays.asList(new Object[width]);
    }
}
