package me.adsby.workbench.engine.eval;

/**
 * One bin of a reliability curve: scores in [lower, upper) (the last bin includes 1.0).
 *
 * @param count         examples in the bin
 * @param meanPredicted their mean score; undefined for an empty bin
 * @param observedRate  the share of them that are positive; undefined for an empty bin
 */
public record ReliabilityBin(double lower, double upper, long count, MetricValue meanPredicted,
        MetricValue observedRate) {
}
