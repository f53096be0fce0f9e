package me.adsby.workbench.storage.dataset.check;

import java.io.IOException;
import java.util.List;

import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.ProblemLog;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.csv.CsvRowReader;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * One pass over a CSV by a schema: every row is parsed and either handed to the {@link GoodRowHandler} or
 * logged with its problem in the {@link ProblemLog}, by the {@link ErrorPolicy}. Checks cancellation and
 * reports progress every {@value #CHECK_EVERY} rows: bytes of the source's size when known, else rows.
 */
public final class RowScan {

    /** Rows between two cancellation checks and progress reports. */
    public static final int CHECK_EVERY = 4096;

    /** Receives each good row: the parser holds its cells. */
    @FunctionalInterface
    public interface GoodRowHandler {
        void accept(RowParser row, long line);
    }

    private RowScan() {
    }

    /**
     * Reads the whole source (or until the policy or a fatal problem stops it).
     *
     * @throws BadDataException when the header is unusable or is not the schema's
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static ScanResult run(CsvSource source, Schema schema, ErrorPolicy policy, ProblemLog log,
                                 ProgressListener progress, Cancellation cancel, GoodRowHandler handler)
            throws IOException {
        try (CsvRowReader rows = CsvRowReader.open(source)) {
            checkHeader(source, schema, rows);
            RowParser parser = new RowParser(source.name(), schema);
            String message = "Reading " + source.name();
            long good = 0;
            long bad = 0;
            RowProblem stop = null;
            while (rows.next()) {
                RowProblem problem = rows.problem();
                if (problem == null) {
                    problem = parser.parse(rows.record(), rows.line());
                }
                if (problem == null) {
                    handler.accept(parser, rows.line());
                    good++;
                } else {
                    log.add(problem);
                    if (problem.kind().fatal()) {
                        stop = problem;
                        break;
                    }
                    bad++;
                    if (policy.stopsAt(log.total())) {
                        stop = problem;
                        break;
                    }
                }
                if (rows.rows() % CHECK_EVERY == 0) {
                    cancel.throwIfCancelled();
                    report(progress, source, rows, message);
                }
            }
            report(progress, source, rows, message);
            return new ScanResult(good + bad, good, bad, rows.blankLines(), stop != null, stop);
        }
    }

    private static void report(ProgressListener progress, CsvSource source, CsvRowReader rows, String message) {
        if (source.size() > 0) {
            progress.report(Math.min(rows.bytesRead(), source.size()), source.size(), message);
        } else {
            progress.report(rows.rows(), -1, message);
        }
    }

    static void checkHeader(CsvSource source, Schema schema, CsvRowReader rows) throws BadDataException {
        if (!rows.header().equals(schema.names())) {
            throw new BadDataException(List.of(new RowProblem(source.name(), 1, ProblemKind.HEADER_MISMATCH,
                    "the header " + rows.header() + " is not the schema's " + schema.names())));
        }
    }
}
