package me.adsby.workbench.storage.dataset.stats;

/**
 * Equal-width bins: bin {@code i} holds the values in {@code (edges[i], edges[i+1]]}, and the first bin also
 * its lower edge. Counts come from a {@link Distribution} (a KLL sketch's CDF), so they are exact while the
 * sketch is, and estimates (hence doubles) beyond.
 *
 * @param edges  {@code bins + 1} increasing edges; a single bin {@code [v, v]} when all values are equal
 * @param counts {@code bins} counts (estimated)
 */
public record Histogram(double[] edges, double[] counts) {

    /** Fractions of the total per bin; all 0 when empty. */
    public double[] fractions() {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length && total > 0; i++) {
            out[i] = counts[i] / total;
        }
        return out;
    }

    /** {@code bins} equal-width edges from {@code min} to {@code max} (one bin when they are equal). */
    public static double[] equalWidthEdges(double min, double max, int bins) {
        if (!(max > min)) {
            return new double[] {min, max};
        }
        double[] edges = new double[bins + 1];
        double width = (max - min) / bins;
        for (int i = 0; i < bins; i++) {
            edges[i] = min + i * width;
        }
        edges[bins] = max;
        return edges;
    }
}
