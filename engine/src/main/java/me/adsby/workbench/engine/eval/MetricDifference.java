package me.adsby.workbench.engine.eval;

import java.util.OptionalDouble;

/**
 * How a candidate model differs from a baseline on one metric over the same examples.
 *
 * @param metric     the metric
 * @param baseline   the baseline's value
 * @param candidate  the candidate's value
 * @param difference candidate - baseline; undefined when either is
 * @param interval   the 95% interval of the difference
 * @param pValue     two-sided, for DeLong's test of the AUC; empty for the bootstrapped metrics
 * @param verdict    BETTER or WORSE only when the interval excludes 0 (in the metric's direction)
 * @param method     how the interval was found: {@code delong} or {@code paired-bootstrap}
 */
public record MetricDifference(Metric metric, MetricValue baseline, MetricValue candidate, MetricValue difference,
        ConfidenceInterval interval, OptionalDouble pValue, Verdict verdict, String method) {
}
