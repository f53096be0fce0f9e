package me.adsby.workbench.engine.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.csv.CsvRowReader;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a predictions CSV (a header, then one row per example) into {@link Predictions}. Bad input never passes:
 * every bad row is reported as {@code file:line: reason} (a label that is not 0/1, true/false or yes/no; a score
 * that is not a number, not finite, or outside [0, 1]; a repeated key; a wrong number of fields), and reading
 * fails with a {@link BadDataException} that lists them.
 */
public final class PredictionsCsv {

    /** Problems kept for the message; the count goes on. */
    private static final int PROBLEMS_KEPT = 1000;

    private PredictionsCsv() {
    }

    /**
     * @throws BadDataException when a named column is missing or any row is bad
     * @throws IOException      when the source cannot be read
     */
    public static Predictions read(CsvSource source, PredictionColumns columns) throws IOException {
        try (CsvRowReader rows = CsvRowReader.open(source)) {
            List<String> header = rows.header();
            int label = column(rows, header, columns.label(), "label");
            int score = column(rows, header, columns.score(), "score");
            int key = columns.key() == null ? -1 : column(rows, header, columns.key(), "key");
            int[] slices = new int[columns.slices().size()];
            for (int s = 0; s < slices.length; s++) {
                slices[s] = column(rows, header, columns.slices().get(s), "slice");
            }
            Builder table = new Builder(slices.length, key >= 0);
            List<RowProblem> problems = new ArrayList<>();
            long problemCount = 0;
            Map<String, Long> keyLines = key >= 0 ? new HashMap<>() : null;
            while (rows.next()) {
                RowProblem problem = rows.problem();
                CSVRecord record = rows.record();
                if (problem == null) {
                    problem = check(rows, record, label, score, key, keyLines);
                }
                if (problem != null) {
                    problemCount++;
                    if (problems.size() < PROBLEMS_KEPT) {
                        problems.add(problem);
                    }
                    if (problem.kind().fatal()) {
                        break;
                    }
                    continue;
                }
                table.add(record, label, score, key, slices);
            }
            if (problemCount > 0) {
                throw new BadDataException(problems);
            }
            Predictions predictions = Predictions.of(table.scores(), table.labels());
            if (key >= 0) {
                predictions = predictions.withKeys(table.keys());
            }
            for (int s = 0; s < slices.length; s++) {
                predictions = predictions.withSlice(columns.slices().get(s), table.slice(s));
            }
            return predictions;
        }
    }

    private static int column(CsvRowReader rows, List<String> header, String name, String role) throws BadDataException {
        int at = header.indexOf(name);
        if (at < 0) {
            throw new BadDataException(List.of(new RowProblem(rows.file(), 1, ProblemKind.HEADER_MISMATCH,
                    "no " + role + " column '" + name + "' in the header (columns: " + String.join(", ", header) + ")")));
        }
        return at;
    }

    private static RowProblem check(CsvRowReader rows, CSVRecord record, int label, int score, int key,
            Map<String, Long> keyLines) {
        String labelText = record.get(label).strip();
        if (parseLabel(labelText) == null) {
            return new RowProblem(rows.file(), rows.line(), ProblemKind.LABEL_NOT_BINARY,
                    "label '" + labelText + "' is not 0/1, true/false or yes/no");
        }
        String scoreText = record.get(score).strip();
        double value;
        try {
            value = Double.parseDouble(scoreText);
        } catch (NumberFormatException e) {
            return new RowProblem(rows.file(), rows.line(), ProblemKind.NOT_A_NUMBER,
                    "score '" + scoreText + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            return new RowProblem(rows.file(), rows.line(), ProblemKind.NOT_A_NUMBER,
                    "score '" + scoreText + "' is not a finite number");
        }
        if (value < 0 || value > 1) {
            return new RowProblem(rows.file(), rows.line(), ProblemKind.NOT_A_NUMBER,
                    "score " + scoreText + " is outside [0, 1]: a probability is expected");
        }
        if (key >= 0) {
            String keyText = record.get(key);
            Long before = keyLines.putIfAbsent(keyText, rows.line());
            if (before != null) {
                // No kind names a repeated key; the closest one that does not stop reading, the reason says what.
                return new RowProblem(rows.file(), rows.line(), ProblemKind.NOT_A_NUMBER,
                        "key '" + keyText + "' was already on line " + before + ": keys must be unique");
            }
        }
        return null;
    }

    /** True for 1/true/yes, false for 0/false/no (any case), null otherwise. */
    static Boolean parseLabel(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "1.0":
                return Boolean.TRUE;
            case "0", "false", "no", "0.0":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** Growing columns. */
    private static final class Builder {
        private double[] scores = new double[1024];
        private boolean[] labels = new boolean[1024];
        private String[] keys;
        private final String[][] slices;
        private int size;

        Builder(int sliceCount, boolean withKeys) {
            keys = withKeys ? new String[1024] : null;
            slices = new String[sliceCount][1024];
        }

        void add(CSVRecord record, int label, int score, int key, int[] sliceColumns) {
            if (size == scores.length) {
                int capacity = size * 2;
                scores = Arrays.copyOf(scores, capacity);
                labels = Arrays.copyOf(labels, capacity);
                if (keys != null) {
                    keys = Arrays.copyOf(keys, capacity);
                }
                for (int s = 0; s < slices.length; s++) {
                    slices[s] = Arrays.copyOf(slices[s], capacity);
                }
            }
            scores[size] = Double.parseDouble(record.get(score).strip());
            labels[size] = parseLabel(record.get(label).strip());
            if (keys != null) {
                keys[size] = record.get(key);
            }
            for (int s = 0; s < slices.length; s++) {
                slices[s][size] = record.get(sliceColumns[s]);
            }
            size++;
        }

        double[] scores() {
            return Arrays.copyOf(scores, size);
        }

        boolean[] labels() {
            return Arrays.copyOf(labels, size);
        }

        String[] keys() {
            return Arrays.copyOf(keys, size);
        }

        String[] slice(int s) {
            return Arrays.copyOf(slices[s], size);
        }
    }
}
