package me.adsby.workbench.engine.demo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The Mann–Whitney AUC of a score against the sampled labels: the probability that a random clicked ad
 * scores above a random unclicked one, ties counted 1/2. Sorts once and sweeps groups of tied scores.
 */
final class OracleAuc {

    private OracleAuc() {
    }

    /** The AUC of a score of the ads, or NaN when the ads are all clicked or all unclicked. */
    static double of(List<DemoAd> ads, ToDoubleFunction<DemoAd> score) {
        boolean[] labels = new boolean[ads.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = ads.get(i).clicked();
        }
        return of(ads.stream().mapToDouble(score).toArray(), labels);
    }

    /** The AUC of scores against labels, or NaN when the labels are all true or all false. */
    static double of(double[] scores, boolean[] labels) {
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
            while (end < order.length && scores[order[end]] == scores[order[start]]) {
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
        long negatives = negativesBelow;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return wins / ((double) positives * negatives);
    }
}
