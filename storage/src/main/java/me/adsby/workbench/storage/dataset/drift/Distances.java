package me.adsby.workbench.storage.dataset.drift;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import me.adsby.workbench.storage.dataset.stats.ValueCount;

/** The distances of {@link DriftMeasure}, on plain arrays and counts. */
public final class Distances {

    private Distances() {
    }

    /**
     * max over the union of values of |p(v) - q(v)|, with p(v) = count / total of each side; a value absent
     * from a side has share 0 there. 0 when both sides are empty.
     */
    public static double lInfinity(List<ValueCount> base, long baseTotal, List<ValueCount> candidate,
                                   long candidateTotal) {
        Map<String, double[]> shares = new HashMap<>();
        for (ValueCount v : base) {
            shares.computeIfAbsent(v.value(), k -> new double[2])[0] = baseTotal == 0 ? 0 : (double) v.count() / baseTotal;
        }
        for (ValueCount v : candidate) {
            shares.computeIfAbsent(v.value(), k -> new double[2])[1] = candidateTotal == 0 ? 0
                    : (double) v.count() / candidateTotal;
        }
        double max = 0;
        for (double[] pq : shares.values()) {
            max = Math.max(max, Math.abs(pq[0] - pq[1]));
        }
        return max;
    }

    /**
     * Jensen-Shannon divergence, log base 2, of two histograms on the same bins (counts or fractions; each
     * is normalised to sum 1). Bins where a side is 0 add nothing for that side (0 log 0 = 0).
     *
     * @throws IllegalArgumentException when the lengths differ or a side sums to 0
     */
    public static double jensenShannon(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("histograms on different bins: " + p.length + " and " + q.length);
        }
        double[] pn = normalise(p);
        double[] qn = normalise(q);
        double js = 0;
        for (int i = 0; i < pn.length; i++) {
            double m = (pn[i] + qn[i]) / 2;
            if (pn[i] > 0) {
                js += 0.5 * pn[i] * log2(pn[i] / m);
            }
            if (qn[i] > 0) {
                js += 0.5 * qn[i] * log2(qn[i] / m);
            }
        }
        return Math.max(0, Math.min(1, js));
    }

    private static double[] normalise(double[] counts) {
        double total = 0;
        for (double c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative count " + c);
            }
            total += c;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("an empty histogram");
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i] / total;
        }
        return out;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
