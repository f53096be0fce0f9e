package me.adsby.workbench.storage.dataset.stats;

import java.util.List;
import java.util.Map;

import me.adsby.workbench.storage.image.ImageStatus;

/**
 * What probing a dataset's images found.
 *
 * @param references   image references (cells not missing) in the good rows
 * @param probed       how many were probed: all of them, or an evenly spread sample
 * @param sampled      whether only a sample was probed
 * @param statusCounts probed references per status (statuses not seen left out)
 * @param okShare      the share of probed references that are {@link ImageStatus#OK}, NaN when none probed
 * @param width        widths of the OK images, in pixels
 * @param height       heights of the OK images
 * @param bytes        file sizes of the OK images whose size is known
 * @param problems     probed references that are not {@link ImageStatus#OK} (empty cells are not probed)
 * @param firstProblems the first of those, in file order, with their lines: at most
 *                     {@link #FIRST_PROBLEMS}
 */
public record ImageSummary(long references, long probed, boolean sampled, Map<ImageStatus, Long> statusCounts,
                           double okShare, NumericSummary width, NumericSummary height, NumericSummary bytes,
                           long problems, List<ImageProblem> firstProblems) {

    /** Problems listed with their lines; all are counted. */
    public static final int FIRST_PROBLEMS = 10;

    public ImageSummary {
        statusCounts = Map.copyOf(statusCounts);
        firstProblems = List.copyOf(firstProblems);
    }

    /**
     * One image reference that is not usable, where it is.
     *
     * @param line   the physical line of its row in the CSV
     * @param status what is wrong
     * @param reason for people, naming the reference
     */
    public record ImageProblem(long line, ImageStatus status, String reason) {
    }
}
