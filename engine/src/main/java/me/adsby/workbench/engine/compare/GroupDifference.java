package me.adsby.workbench.engine.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How group B's mean differs from group A's on one metric, across the groups' runs (repeats or folds): the
 * difference of the means with Welch's 95% interval ({@code se = sqrt(sa^2 / na + sb^2 / nb)}, Student's t at
 * 0.975 with the Welch-Satterthwaite degrees of freedom), and a verdict that says better or worse only when the
 * interval excludes 0. The runs of a group are taken as independent draws (other seeds, or other folds), so this
 * is the noise of training, not of the examples.
 *
 * @param metric     the metric's key ({@code val_auc}, {@code test_log_loss}, ...)
 * @param meanA      group A's mean
 * @param meanB      group B's mean
 * @param difference {@code meanB - meanA}
 * @param low        the interval's lower end, NaN when a group has under 2 runs with the metric
 * @param high       the interval's upper end, NaN likewise
 * @param verdict    {@code better}, {@code worse} or {@code tie} for B against A; {@code n/a} without an interval or
 *                   a direction (calibration slope and intercept have no "higher is better")
 */
public record GroupDifference(String metric, double meanA, double meanB, double difference, double low, double high,
        String verdict) {

    /** Every metric both groups have, B against A. */
    public static List<GroupDifference> of(List<GroupSpread.Member> a, List<GroupSpread.Member> b) {
        Map<String, double[]> first = values(a);
        Map<String, double[]> second = values(b);
        List<GroupDifference> differences = new ArrayList<>();
        for (Map.Entry<String, double[]> entry : first.entrySet()) {
            double[] other = second.get(entry.getKey());
            if (other != null) {
                differences.add(of(entry.getKey(), entry.getValue(), other));
            }
        }
        return differences;
    }

    /** B's values against A's on one metric. */
    static GroupDifference of(String metric, double[] a, double[] b) {
        double meanA = mean(a);
        double meanB = mean(b);
        double difference = meanB - meanA;
        if (a.length < 2 || b.length < 2) {
            return new GroupDifference(metric, meanA, meanB, difference, Double.NaN, Double.NaN, "n/a");
        }
        double va = variance(a, meanA) / a.length;
        double vb = variance(b, meanB) / b.length;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new GroupDifference(metric, meanA, meanB, difference, difference, difference,
                    difference == 0 ? "tie" : verdict(metric, difference > 0));
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double half = new TDistribution(null, df).inverseCumulativeProbability(0.975) * se;
        double low = difference - half;
        double high = difference + half;
        String verdict = low > 0 ? verdict(metric, true) : high < 0 ? verdict(metric, false) : "tie";
        return new GroupDifference(metric, meanA, meanB, difference, low, high, verdict);
    }

    /** Better or worse for a difference of this sign; n/a for a metric without a direction. */
    private static String verdict(String metric, boolean higher) {
        Boolean higherIsBetter = higherIsBetter(metric);
        if (higherIsBetter == null) {
            return "n/a";
        }
        return higher == higherIsBetter ? "better" : "worse";
    }

    /** By the metric's name: losses, Brier and entropy lower, AUCs and rates higher; calibration terms neither. */
    static Boolean higherIsBetter(String metric) {
        if (metric.contains("calibration")) {
            return null;
        }
        if (metric.contains("loss") || metric.contains("brier") || metric.contains("entropy")) {
            return false;
        }
        return metric.contains("auc") || metric.contains("accuracy") || metric.contains("precision")
                || metric.contains("recall") || metric.contains("f1") ? Boolean.TRUE : null;
    }

    private static Map<String, double[]> values(List<GroupSpread.Member> members) {
        Map<String, List<Double>> lists = new TreeMap<>();
        for (GroupSpread.Member member : members) {
            member.best().forEach((key, value) -> lists.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
            member.test().forEach((key, value) -> lists.computeIfAbsent("test_" + key, k -> new ArrayList<>()).add(value));
        }
        Map<String, double[]> arrays = new TreeMap<>();
        lists.forEach((key, list) -> arrays.put(key, list.stream().mapToDouble(Double::doubleValue).toArray()));
        return arrays;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return squares / (values.length - 1);
    }
}
