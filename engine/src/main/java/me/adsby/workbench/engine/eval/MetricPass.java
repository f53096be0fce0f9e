package me.adsby.workbench.engine.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every metric in one pass over predictions sorted by descending score, each example weighted by how many
 * times it counts (1 for the predictions themselves, the draw counts in a bootstrap resample).
 *
 * <p>Walking down the distinct scores, each group of tied examples adds TP_g positives and FP_g negatives:
 * <ul>
 * <li>ROC AUC = sum over groups of FP_g x (TP_before + TP_g / 2), over P x N (the trapezoid under the ROC
 * curve, equal to the Mann–Whitney statistic with ties counted 1/2), kept in exact integers;</li>
 * <li>average precision = sum over groups of (TP_g / P) x precision at the group's end (scikit-learn's
 * step-wise {@code average_precision_score}: no interpolation);</li>
 * <li>the F1-maximising threshold: the group's score where 2 TP / (TP + FP + P) is largest (the highest such
 * score on a tie).</li>
 * </ul>
 */
final class MetricPass {

    private MetricPass() {
    }

    /**
     * @param weights per position of {@code sorted} (not per example), or null for 1 each
     */
    static Evaluation evaluate(SortedPredictions sorted, int[] weights, double threshold) {
        double[] scores = sorted.scores;
        boolean[] labels = sorted.labels;
        int n = scores.length;
        long count = 0;
        long positives = 0;
        double logLoss = 0;
        double brier = 0;
        double scoreSum = 0;
        long[] binCount = new long[ReliabilityCurve.BINS];
        double[] binScore = new double[ReliabilityCurve.BINS];
        long[] binPositives = new long[ReliabilityCurve.BINS];
        long predictedPositives = 0;
        long truePositivesAtThreshold = 0;
        for (int k = 0; k < n; k++) {
            int w = weights == null ? 1 : weights[k];
            if (w == 0) {
                continue;
            }
            double p = scores[k];
            boolean y = labels[k];
            count += w;
            logLoss += w * sorted.logLoss[k];
            brier += w * sorted.squaredError[k];
            scoreSum += w * p;
            int bin = ReliabilityCurve.binOf(p);
            binCount[bin] += w;
            binScore[bin] += w * p;
            if (y) {
                positives += w;
                binPositives[bin] += w;
            }
            if (p >= threshold) {
                predictedPositives += w;
                if (y) {
                    truePositivesAtThreshold += w;
                }
            }
        }
        long negatives = count - positives;

        // The ranking metrics, group by group of tied scores.
        long twiceAuc = 0;  // sum of FP_g x (2 TP_before + TP_g): exact
        double averagePrecision = 0;
        long tp = 0;
        long fp = 0;
        double bestF1 = -1;
        double bestF1Threshold = Double.NaN;
        int k = 0;
        while (k < n) {
            double score = scores[k];
            long groupTp = 0;
            long groupFp = 0;
            while (k < n && scores[k] == score) {
                int w = weights == null ? 1 : weights[k];
                if (labels[k]) {
                    groupTp += w;
                } else {
                    groupFp += w;
                }
                k++;
            }
            if (groupTp + groupFp == 0) {
                continue;
            }
            twiceAuc += groupFp * (2 * tp + groupTp);
            tp += groupTp;
            fp += groupFp;
            if (groupTp > 0 && positives > 0) {
                averagePrecision += (double) groupTp / positives * ((double) tp / (tp + fp));
            }
            double f1 = positives == 0 ? 0 : 2.0 * tp / (tp + fp + positives);
            if (positives > 0 && f1 > bestF1) {
                bestF1 = f1;
                bestF1Threshold = score;
            }
        }

        Map<Metric, MetricValue> metrics = new EnumMap<>(Metric.class);
        String singleClass = count == 0 ? "no examples" : positives == 0 ? "no positives" : "no negatives";
        metrics.put(Metric.AUC, positives == 0 || negatives == 0 ? MetricValue.undefined(singleClass)
                : MetricValue.of(twiceAuc / (2.0 * positives * negatives)));
        metrics.put(Metric.PR_AUC, positives == 0 ? MetricValue.undefined(count == 0 ? "no examples" : "no positives")
                : MetricValue.of(averagePrecision));
        metrics.put(Metric.LOG_LOSS, MetricValue.ratio(logLoss, count, "no examples"));
        metrics.put(Metric.NE, normalizedEntropy(logLoss, count, positives, singleClass));
        metrics.put(Metric.BRIER, MetricValue.ratio(brier, count, "no examples"));
        ConfusionMatrix confusion = new ConfusionMatrix(truePositivesAtThreshold,
                predictedPositives - truePositivesAtThreshold, negatives - (predictedPositives - truePositivesAtThreshold),
                positives - truePositivesAtThreshold);
        metrics.put(Metric.ACCURACY, confusion.accuracy());
        metrics.put(Metric.PRECISION, confusion.precision());
        metrics.put(Metric.RECALL, confusion.recall());
        metrics.put(Metric.F1, confusion.f1());
        ReliabilityCurve reliability = reliability(count, binCount, binScore, binPositives);
        metrics.put(Metric.ECE, reliability.expectedCalibrationError());

        MetricValue bestThreshold = positives == 0 ? MetricValue.undefined(singleClass)
                : MetricValue.of(bestF1Threshold);
        MetricValue best = positives == 0 ? MetricValue.undefined(singleClass) : MetricValue.of(bestF1);
        return new Evaluation(count, positives, threshold, metrics, confusion, new BestF1(bestThreshold, best),
                reliability, MetricValue.ratio(scoreSum, count, "no examples"),
                MetricValue.ratio(positives, count, "no examples"), null, null);
    }

    /** Log loss over the entropy of the base rate; undefined with one class (that entropy is 0). */
    static MetricValue normalizedEntropy(double logLossSum, double count, double positives, String singleClass) {
        if (count == 0 || positives == 0 || positives == count) {
            return MetricValue.undefined(singleClass);
        }
        double p = positives / count;
        double baseRateLoss = -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
        return MetricValue.of(logLossSum / count / baseRateLoss);
    }

    private static ReliabilityCurve reliability(long count, long[] binCount, double[] binScore, long[] binPositives) {
        List<ReliabilityBin> bins = new ArrayList<>(ReliabilityCurve.BINS);
        double ece = 0;
        for (int b = 0; b < ReliabilityCurve.BINS; b++) {
            double lower = (double) b / ReliabilityCurve.BINS;
            double upper = (double) (b + 1) / ReliabilityCurve.BINS;
            MetricValue meanPredicted = MetricValue.ratio(binScore[b], binCount[b], "empty bin");
            MetricValue observed = MetricValue.ratio(binPositives[b], binCount[b], "empty bin");
            if (binCount[b] > 0) {
                ece += (double) binCount[b] / count * Math.abs(meanPredicted.value() - observed.value());
            }
            bins.add(new ReliabilityBin(lower, upper, binCount[b], meanPredicted, observed));
        }
        return new ReliabilityCurve(bins, count == 0 ? MetricValue.undefined("no examples") : MetricValue.of(ece));
    }
}
