package me.adsby.workbench.engine.eval;

/**
 * The threshold that maximises F1 over the observed scores (score >= threshold predicts 1) and that F1; both
 * undefined without positives. On a tie, the highest such threshold.
 */
public record BestF1(MetricValue threshold, MetricValue f1) {
}
