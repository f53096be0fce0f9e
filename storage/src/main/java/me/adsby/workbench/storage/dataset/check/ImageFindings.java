package me.adsby.workbench.storage.dataset.check;

import java.util.List;
import java.util.Map;

import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;

/**
 * What checking the image cells of a file's good rows found ({@link ImageCheck}).
 *
 * @param checked  image cells probed (good rows whose image cell is not missing)
 * @param problems image cells with a problem: each is one more bad row
 * @param counts   problems per kind (kinds not seen left out)
 * @param details  the first problems by line, at most the validation's {@code maxDetails}
 */
record ImageFindings(long checked, long problems, Map<ProblemKind, Long> counts, List<RowProblem> details) {

    /** Nothing checked. */
    static final ImageFindings NONE = new ImageFindings(0, 0, Map.of(), List.of());

    ImageFindings {
        counts = Map.copyOf(counts);
        details = List.copyOf(details);
    }
}
