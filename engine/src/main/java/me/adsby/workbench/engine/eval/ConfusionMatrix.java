package me.adsby.workbench.engine.eval;

/**
 * Counts at a threshold: an example is predicted positive when its score is >= the threshold.
 * In a bootstrap resample the counts are weighted by how often each example was drawn.
 */
public record ConfusionMatrix(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    public long count() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public MetricValue accuracy() {
        return MetricValue.ratio(truePositives + trueNegatives, count(), "no examples");
    }

    public MetricValue precision() {
        return MetricValue.ratio(truePositives, truePositives + falsePositives, "no predicted positives");
    }

    public MetricValue recall() {
        return MetricValue.ratio(truePositives, truePositives + falseNegatives, "no positives");
    }

    /** 2 TP / (2 TP + FP + FN): undefined only when there are neither positives nor predicted positives. */
    public MetricValue f1() {
        return MetricValue.ratio(2.0 * truePositives, 2.0 * truePositives + falsePositives + falseNegatives,
                "no positives and no predicted positives");
    }
}
