package me.adsby.workbench.storage.dataset.stats;

/**
 * How the label's values divide.
 *
 * @param positives    rows labelled 1 (1, true, yes)
 * @param negatives    rows labelled 0
 * @param missing      rows without a label
 * @param positiveRate {@code positives / (positives + negatives)}, NaN when both are 0
 */
public record LabelBalance(long positives, long negatives, long missing, double positiveRate) {

    static LabelBalance of(long positives, long negatives, long missing) {
        long labelled = positives + negatives;
        return new LabelBalance(positives, negatives, missing, labelled == 0 ? Double.NaN
                : (double) positives / labelled);
    }
}
