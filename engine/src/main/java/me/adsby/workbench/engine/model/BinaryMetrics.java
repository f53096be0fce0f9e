package me.adsby.workbench.engine.model;

import java.util.Arrays;
import java.util.Comparator;

/** Metrics of probabilities against 0/1 labels, computed exactly (no binning). */
public final class BinaryMetrics {

    private BinaryMetrics() {
    }

    /**
     * The ROC AUC as the Mann–Whitney statistic: the probability that a random positive scores above a random
     * negative, ties counted 1/2. NaN when the labels are all 0 or all 1.
     */
    public static double rocAuc(float[] scores, float[] labels) {
        checkLengths(scores, labels);
        double[] wide = new double[scores.length];
        boolean[] positive = new boolean[labels.length];
        for (int i = 0; i < scores.length; i++) {
            wide[i] = scores[i];  // every float is a double: order and ties stay as they are
            positive[i] = labels[i] > 0.5f;
        }
        return rocAuc(wide, positive);
    }

    /** As {@link #rocAuc(float[], float[])}, for double scores and boolean labels. */
    public static double rocAuc(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        long negativesBelow = 0;
        long positives = 0;
        double wins = 0;
        int start = 0;
        while (start < order.length) {
            int end = start;
            long groupPositives = 0;
            long groupNegatives = 0;
            while (end < order.length && Double.compare(scores[order[end]], scores[order[start]]) == 0) {
                if (labels[order[end]]) {
                    groupPositives++;
                } else {
                    groupNegatives++;
                }
                end++;
            }
            wins += groupPositives * (negativesBelow + 0.5 * groupNegatives);
            negativesBelow += groupNegatives;
            positives += groupPositives;
            start = end;
        }
        if (positives == 0 || negativesBelow == 0) {
            return Double.NaN;
        }
        return wins / ((double) positives * negativesBelow);
    }

    /** The share of examples whose probability is on the label's side of 0.5 (0.5 itself counts as 1). */
    public static double accuracy(float[] scores, float[] labels) {
        checkLengths(scores, labels);
        if (scores.length == 0) {
            return Double.NaN;
        }
        long right = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((scores[i] >= 0.5f) == (labels[i] > 0.5f)) {
                right++;
            }
        }
        return (double) right / scores.length;
    }

    private static void checkLengths(float[] scores, float[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
    }
}
