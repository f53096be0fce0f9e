package me.adsby.workbench.storage.dataset.check;

import java.io.IOException;
import java.util.Map;

import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.ProblemLog;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.image.ImageProbe;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Reads a whole file by a schema and reports all its problems ({@link ValidationReport}), its images' too
 * when given a probe; a file without rows is a problem. Header problems are reported, not thrown. Memory
 * stays bounded: at most {@code maxDetails} problems are listed.
 */
public final class Validator {

    /** Images probed at once: their reads wait on the disk or the network more than on a core. */
    static final int IMAGE_THREADS = 4;

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
        return validate(source, schema, null, maxDetails, progress, cancel);
    }

    /**
     * Also checks the image cell of every good row with {@code images} (see {@link ImageCheck}); a row whose
     * image is missing, undecodable, too large or outside the dataset's folder is a bad row.
     *
     * @param images resolves and probes an image cell, or null not to check images
     */
    public static ValidationReport validate(CsvSource source, Schema schema, ImageProbe images, int maxDetails,
                                            ProgressListener progress, Cancellation cancel) throws IOException {
        ProblemLog log = new ProblemLog(maxDetails);
        try (ImageCheck check = ImageCheck.start(source.name(), schema, images, IMAGE_THREADS, maxDetails, cancel)) {
            ScanResult scan = RowScan.run(source, schema, ErrorPolicy.skipAndCount(), log, progress, cancel,
                    check::offer);
            ValidationReport report = ReportAssembly.of(source.name(), scan, log, check.finish(), maxDetails);
            return LabelCheck.addTo(source, schema, report);
        } catch (BadDataException header) {
            RowProblem problem = header.problems().get(0);
            return new ValidationReport(source.name(), 0, 0, 0, 0, Map.of(problem.kind(), 1L),
                    header.problems(), 0, false);
        }
    }
}
