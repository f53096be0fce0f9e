package me.adsby.workbench.storage.dataset.stats;

import java.util.Arrays;

import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * A numeric column's distribution as its KLL sketch's sorted view: the retained values, increasing, and
 * their cumulative weights. Plain arrays, so it serialises with Jackson and is kept with the statistics:
 * two snapshots can then be binned on shared edges (drift) without the sketch. (datasketches-java 7 can
 * serialise a sketch only with {@code --add-modules=jdk.incubator.foreign} on Java 17, which Workbench does
 * not require.)
 *
 * @param values            retained values, increasing
 * @param cumulativeWeights for each value, how many of the column's values are {@code <=} it (estimated)
 * @param n                 how many values the sketch saw
 */
public record Distribution(double[] values, long[] cumulativeWeights, long n) {

    static Distribution of(KllDoublesSketch sketch) {
        if (sketch.isEmpty()) {
            return new Distribution(new double[0], new long[0], 0);
        }
        DoublesSortedView view = sketch.getSortedView();
        return new Distribution(view.getQuantiles(), view.getCumulativeWeights(), sketch.getN());
    }

    /** How many values are {@code <= x} (estimated). */
    public long countAtMost(double x) {
        int i = Arrays.binarySearch(values, x);
        if (i >= 0) {
            while (i + 1 < values.length && values[i + 1] == x) {
                i++;
            }
            return cumulativeWeights[i];
        }
        int insertion = -i - 1;
        return insertion == 0 ? 0 : cumulativeWeights[insertion - 1];
    }

    /** Counts per bin of the given edges: {@code (e[i], e[i+1]]}, the first bin closed below. */
    public Histogram histogram(double[] edges) {
        int bins = Math.max(1, edges.length - 1);
        double[] counts = new double[bins];
        if (edges.length == 2 && edges[0] == edges[1]) {
            counts[0] = countAtMost(edges[1]) - countBelow(edges[0]);
            return new Histogram(edges.clone(), counts);
        }
        long previous = countBelow(edges[0]);
        for (int b = 0; b < bins; b++) {
            long upTo = countAtMost(edges[b + 1]);
            counts[b] = upTo - previous;
            previous = upTo;
        }
        return new Histogram(edges.clone(), counts);
    }

    private long countBelow(double x) {
        int i = Arrays.binarySearch(values, x);
        int insertion = i >= 0 ? i : -i - 1;
        while (i >= 0 && insertion > 0 && values[insertion - 1] == x) {
            insertion--;
        }
        return insertion == 0 ? 0 : cumulativeWeights[insertion - 1];
    }
}
