package me.adsby.workbench.storage.dataset.check;

import java.io.IOException;
import java.util.Map;

import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.ProblemLog;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Reads a whole file by a schema and reports all its problems ({@link ValidationReport}). Header problems
 * are reported, not thrown. Memory stays bounded: at most {@code maxDetails} problems are listed.
 */
public final class Validator {

    private Validator() {
    }

    public static ValidationReport validate(CsvSource source, Schema schema, ProgressListener progress,
                                            Cancellation cancel) throws IOException {
        return validate(source, schema, ProblemLog.DEFAULT_MAX_DETAILS, progress, cancel);
    }

    /**
     * @throws IOException when the source cannot be opened or read (bad data is reported, not thrown)
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static ValidationReport validate(CsvSource source, Schema schema, int maxDetails,
                                            ProgressListener progress, Cancellation cancel) throws IOException {
        ProblemLog log = new ProblemLog(maxDetails);
        try {
            ScanResult scan = RowScan.run(source, schema, ErrorPolicy.skipAndCount(), log, progress, cancel,
                    (row, line) -> { });
            ValidationReport report = new ValidationReport(source.name(), scan.rowsRead(), scan.goodRows(), scan.badRows(),
                    scan.blankLines(), log.countsByKind(), log.details(), log.detailsLeftOut(),
                    !scan.stoppedEarly());
            return LabelCheck.addTo(source, schema, report);
        } catch (BadDataException header) {
            RowProblem problem = header.problems().get(0);
            return new ValidationReport(source.name(), 0, 0, 0, 0, Map.of(problem.kind(), 1L),
                    header.problems(), 0, false);
        }
    }
}
