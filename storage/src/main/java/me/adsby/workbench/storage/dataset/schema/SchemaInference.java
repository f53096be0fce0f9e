package me.adsby.workbench.storage.dataset.schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;

import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.csv.CsvRowReader;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Infers a {@link Schema} from every row of a CSV, in one streaming pass with bounded memory. Rows with a
 * wrong number of fields or bad bytes are left out; a fatal problem (a broken quote) ends the pass. Per column
 * ({@link ColumnEvidence}), over the values that are not missing:
 * <ul>
 * <li>type: the narrowest that holds every value, widened as rows are read: BINARY (0/1, true/false, yes/no),
 * then INTEGER, then FLOAT, then CATEGORICAL; IMAGE when every value names an image; TEXT for free text and
 * strings of too many levels ({@link RoleRules}); CATEGORICAL when every value is missing;</li>
 * <li>label: the BINARY column named like a label ({@link LabelNames}), the most preferred name first. A column
 * named like a label whose values are not binary is not made a feature: it is IGNORED, and, when no column
 * can be the label, reported as a problem at the line of its first value that is not binary;</li>
 * <li>image: the first IMAGE column (later ones are IGNORED);</li>
 * <li>other roles, and transforms of numeric columns: {@link RoleRules}, {@link NumericProfile#transform()}.</li>
 * </ul>
 * The same file always gives the same schema.
 */
public final class SchemaInference {

    /** Rows between two cancellation checks and progress reports. */
    private static final int CHECK_EVERY = 4096;

    private SchemaInference() {
    }

    /** The schema inferred from the whole file. */
    public static Schema infer(CsvSource source) throws IOException {
        return inspect(source, ProgressListener.NONE, Cancellation.NEVER).schema();
    }

    /** The schema inferred from the first {@code maxRows} good rows only (for tests and quick looks). */
    public static Schema infer(CsvSource source, int maxRows) throws IOException {
        return inspect(source, maxRows, ProgressListener.NONE, Cancellation.NEVER).schema();
    }

    /** The schema inferred from the whole file, with its problems. */
    public static InferenceResult inspect(CsvSource source, ProgressListener progress, Cancellation cancel)
            throws IOException {
        return inspect(source, Long.MAX_VALUE, progress, cancel);
    }

    /**
     * @throws me.adsby.workbench.storage.dataset.BadDataException when the header is unusable
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static InferenceResult inspect(CsvSource source, long maxRows, ProgressListener progress,
                                          Cancellation cancel) throws IOException {
        try (CsvRowReader rows = CsvRowReader.open(source)) {
            List<String> names = rows.header();
            List<ColumnEvidence> evidence = new ArrayList<>();
            for (String name : names) {
                evidence.add(new ColumnEvidence(name));
            }
            long used = 0;
            boolean complete = true;
            String message = "Inferring the schema of " + source.name();
            while (rows.next()) {
                if (used >= maxRows) {
                    complete = false;
                    break;
                }
                if (rows.problem() != null) {
                    if (rows.problem().kind().fatal()) {
                        complete = false;
                        break;
                    }
                    continue;
                }
                CSVRecord record = rows.record();
                for (int i = 0; i < names.size(); i++) {
                    evidence.get(i).see(record.get(i), rows.line());
                }
                used++;
                if (rows.rows() % CHECK_EVERY == 0) {
                    cancel.throwIfCancelled();
                    progress.report(source.size() > 0 ? Math.min(rows.bytesRead(), source.size()) : rows.rows(),
                            source.size(), message);
                }
            }
            return decide(source.name(), evidence, used, complete);
        }
    }

    private static InferenceResult decide(String file, List<ColumnEvidence> evidence, long rows, boolean complete) {
        List<ColumnSchema> columns = new ArrayList<>();
        int label = chooseLabel(evidence);
        boolean imageTaken = false;
        List<RowProblem> problems = new ArrayList<>();
        for (int i = 0; i < evidence.size(); i++) {
            ColumnEvidence e = evidence.get(i);
            ColumnSchema column;
            if (i == label) {
                column = new ColumnSchema(e.name, i, ColumnType.BINARY, ColumnRole.LABEL, NumericTransform.NONE,
                        e.name + ": named like a label, and every value is binary: label");
            } else if (e.labelName && e.type() != ColumnType.BINARY && e.present > 0) {
                column = new ColumnSchema(e.name, i, e.type(), ColumnRole.IGNORED, e.transform(), e.name
                        + ": named like a label, but line " + e.firstNotBinaryLine + " has '" + e.firstNotBinaryValue
                        + "', which is not binary: ignored rather than used as a feature");
                if (label < 0) {
                    problems.add(LabelNames.notBinary(file, e.firstNotBinaryLine, e.name, e.firstNotBinaryValue,
                            e.notBinary - 1));
                }
            } else if (e.type() == ColumnType.IMAGE) {
                column = new ColumnSchema(e.name, i, ColumnType.IMAGE, imageTaken ? ColumnRole.IGNORED : ColumnRole.IMAGE,
                        NumericTransform.NONE, e.name + (imageTaken ? ": another image column: ignored"
                                : ": every value names an image: image"));
                imageTaken = true;
            } else {
                RoleRules.Decision d = RoleRules.decide(e, rows);
                column = new ColumnSchema(e.name, i, d.type(), d.role(), e.transform(), d.reason());
            }
            columns.add(column);
        }
        return new InferenceResult(new Schema(columns), rows, complete, problems);
    }

    /** The binary column with the most preferred label name (the first in the header among equals), or -1. */
    private static int chooseLabel(List<ColumnEvidence> evidence) {
        int best = -1;
        int bestPreference = Integer.MAX_VALUE;
        for (int i = 0; i < evidence.size(); i++) {
            ColumnEvidence e = evidence.get(i);
            int preference = LabelNames.preference(e.name);
            if (preference >= 0 && e.type() == ColumnType.BINARY && e.present > 0 && preference < bestPreference) {
                best = i;
                bestPreference = preference;
            }
        }
        return best;
    }
}
