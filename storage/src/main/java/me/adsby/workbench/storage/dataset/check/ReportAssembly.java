package me.adsby.workbench.storage.dataset.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.ProblemLog;
import me.adsby.workbench.storage.dataset.RowProblem;

/**
 * Puts a {@link ValidationReport} together from the pass over the rows, the image check and the file as a whole:
 * a row whose image has a problem is a bad row, and a file that was read to its end without a single row has
 * the problem {@link ProblemKind#NO_ROWS}. Problems are listed in file order, at most {@code maxDetails}.
 */
final class ReportAssembly {

    private ReportAssembly() {
    }

    static ValidationReport of(String file, ScanResult scan, ProblemLog log, ImageFindings images, int maxDetails) {
        Map<ProblemKind, Long> counts = new EnumMap<>(ProblemKind.class);
        counts.putAll(log.countsByKind());
        images.counts().forEach((kind, count) -> counts.merge(kind, count, Long::sum));
        List<RowProblem> all = new ArrayList<>(log.details());
        all.addAll(images.details());
        long total = log.total() + images.problems();
        if (!scan.stoppedEarly() && scan.rowsRead() == 0) {
            String reason = scan.blankLines() == 0 ? "no rows: the file has a header and nothing else"
                    : "no rows: the file has a header and blank lines only";
            all.add(new RowProblem(file, 1, ProblemKind.NO_ROWS, reason));
            counts.merge(ProblemKind.NO_ROWS, 1L, Long::sum);
            total++;
        }
        // Stable: a line has one problem at most, but keep the pass's order where lines tie.
        all.sort(Comparator.comparingLong(RowProblem::line));
        List<RowProblem> listed = all.size() > maxDetails ? all.subList(0, maxDetails) : all;
        return new ValidationReport(file, scan.rowsRead(), scan.goodRows() - images.problems(),
                scan.badRows() + images.problems(), scan.blankLines(), counts, listed, total - listed.size(),
                !scan.stoppedEarly());
    }
}
