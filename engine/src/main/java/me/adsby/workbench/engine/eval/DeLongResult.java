package me.adsby.workbench.engine.eval;

/**
 * DeLong's test of two correlated ROC AUCs (the same examples scored by two models).
 *
 * @param baselineAuc    the baseline's AUC
 * @param candidateAuc   the candidate's AUC
 * @param difference     candidate - baseline
 * @param standardError  the standard error of the difference
 * @param interval       difference +- 1.96 standard errors
 * @param z              difference / standard error (0 when both are 0)
 * @param pValue         two-sided
 */
public record DeLongResult(double baselineAuc, double candidateAuc, double difference, double standardError,
        ConfidenceInterval interval, double z, double pValue) {
}
