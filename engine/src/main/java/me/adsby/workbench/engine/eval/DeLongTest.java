package me.adsby.workbench.engine.eval;

/**
 * DeLong, DeLong and Clarke-Pearson (1988), "Comparing the areas under two or more correlated receiver operating
 * characteristic curves: a nonparametric approach", computed in O(n log n) as Sun and Xu (2014), "Fast
 * implementation of DeLong's algorithm for comparing the areas under correlated receiver operating
 * characteristic curves": one sort per model instead of comparing every positive with every negative.
 *
 * <p>For model r, each positive i gets V10_i = (negatives scored below it + half the negatives tied with it) / N
 * and each negative j gets V01_j = (positives scored above it + half the positives tied with it) / P; the AUC
 * is the mean of either. With S10 and S01 the sample covariance matrices (divisor P - 1 and N - 1) of the
 * V10 and V01 of both models, the variance of AUC_b - AUC_a is (S10_aa + S10_bb - 2 S10_ab) / P
 * + (S01_aa + S01_bb - 2 S01_ab) / N; z is the difference over its standard error, and p = 2 (1 - Phi(|z|)).
 */
public final class DeLongTest {

    private DeLongTest() {
    }

    /**
     * @throws IllegalArgumentException when the pair has a single class, or fewer than 2 of either class
     */
    public static DeLongResult compare(PairedPredictions pair) {
        return compare(pair.baseline().scoreArray(), pair.candidate().scoreArray(), pair.baseline().labelArray());
    }

    /** As {@link #compare(PairedPredictions)}, over raw scores (any finite numbers: only their order counts). */
    public static DeLongResult compare(double[] baseline, double[] candidate, boolean[] labels) {
        if (baseline.length != labels.length || candidate.length != labels.length) {
            throw new IllegalArgumentException(baseline.length + " and " + candidate.length + " scores for "
                    + labels.length + " labels");
        }
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        int negatives = labels.length - positives;
        if (positives < 2 || negatives < 2) {
            throw new IllegalArgumentException("DeLong's test needs at least 2 positives and 2 negatives, got "
                    + positives + " and " + negatives);
        }
        Components a = components(baseline, labels, positives, negatives);
        Components b = components(candidate, labels, positives, negatives);
        double variance = (covariance(a.v10, a.v10) + covariance(b.v10, b.v10) - 2 * covariance(a.v10, b.v10))
                / positives
                + (covariance(a.v01, a.v01) + covariance(b.v01, b.v01) - 2 * covariance(a.v01, b.v01)) / negatives;
        double difference = b.auc - a.auc;
        double standardError = Math.sqrt(Math.max(0, variance));
        double z;
        double p;
        if (standardError == 0) {
            z = 0;
            p = difference == 0 ? 1 : 0;
        } else {
            z = difference / standardError;
            p = NormalDistribution.twoSidedPValue(z);
        }
        ConfidenceInterval interval = new ConfidenceInterval(difference - NormalDistribution.Z_975 * standardError,
                difference + NormalDistribution.Z_975 * standardError, 0, 0);
        return new DeLongResult(a.auc, b.auc, difference, standardError, interval, z, p);
    }

    /** The variance of one model's AUC by DeLong's method: S10 / P + S01 / N. */
    public static double aucVariance(double[] scores, boolean[] labels) {
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        int negatives = labels.length - positives;
        if (positives < 2 || negatives < 2) {
            throw new IllegalArgumentException("the variance needs at least 2 positives and 2 negatives, got "
                    + positives + " and " + negatives);
        }
        Components c = components(scores, labels, positives, negatives);
        return covariance(c.v10, c.v10) / positives + covariance(c.v01, c.v01) / negatives;
    }

    private record Components(double[] v10, double[] v01, double auc) {
    }

    /**
     * V10 per positive and V01 per negative, each indexed by the class's own running index in example order, so
     * that the two models' components line up example by example.
     */
    private static Components components(double[] scores, boolean[] labels, int positives, int negatives) {
        int n = scores.length;
        int[] classIndex = new int[n];
        int p = 0;
        int q = 0;
        for (int i = 0; i < n; i++) {
            classIndex[i] = labels[i] ? p++ : q++;
        }
        for (double score : scores) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("a score is not a finite number: " + score);
            }
        }
        int[] order = ScoreOrder.descending(scores);
        double[] v10 = new double[positives];
        double[] v01 = new double[negatives];
        long positivesAbove = 0;
        long negativesAbove = 0;
        double sum10 = 0;
        int k = 0;
        while (k < n) {
            int start = k;
            double score = scores[order[k]];
            long groupPositives = 0;
            long groupNegatives = 0;
            while (k < n && scores[order[k]] == score) {
                if (labels[order[k]]) {
                    groupPositives++;
                } else {
                    groupNegatives++;
                }
                k++;
            }
            double negativesBelowPositive = negatives - negativesAbove - groupNegatives + groupNegatives / 2.0;
            double positivesAboveNegative = positivesAbove + groupPositives / 2.0;
            for (int at = start; at < k; at++) {
                int example = order[at];
                if (labels[example]) {
                    double v = negativesBelowPositive / negatives;
                    v10[classIndex[example]] = v;
                    sum10 += v;
                } else {
                    v01[classIndex[example]] = positivesAboveNegative / positives;
                }
            }
            positivesAbove += groupPositives;
            negativesAbove += groupNegatives;
        }
        return new Components(v10, v01, sum10 / positives);
    }

    /** The sample covariance (divisor length - 1). */
    static double covariance(double[] x, double[] y) {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < x.length; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= x.length;
        meanY /= y.length;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - meanX) * (y[i] - meanY);
        }
        return sum / (x.length - 1);
    }
}
