package me.adsby.workbench.engine.eval;

/** The metrics of a binary classifier that Workbench reports, with their JSON keys and direction. */
public enum Metric {
    /** Area under the ROC curve; ties count 1/2 (Mann–Whitney, the trapezoid rule). */
    AUC("auc", true),
    /** Area under the precision–recall curve as average precision, step-wise (scikit-learn's definition). */
    PR_AUC("pr_auc", true),
    /** Mean negative log-likelihood, scores clipped to [1e-15, 1 - 1e-15]. */
    LOG_LOSS("log_loss", false),
    /**
     * Normalized entropy: the log loss divided by the entropy of the base rate {@code p} (the log loss of always
     * predicting {@code p}), {@code -(p ln p + (1 - p) ln(1 - p))}; below 1 the model beats the base rate. Undefined
     * with one class.
     */
    NE("normalized_entropy", false),
    /** Mean squared difference between score and label. */
    BRIER("brier", false),
    /** Share of examples on the label's side of the threshold (score >= threshold predicts 1). */
    ACCURACY("accuracy", true),
    /** TP / (TP + FP) at the threshold. */
    PRECISION("precision", true),
    /** TP / (TP + FN) at the threshold. */
    RECALL("recall", true),
    /** 2 TP / (2 TP + FP + FN) at the threshold. */
    F1("f1", true),
    /** Expected calibration error over 10 equal-width bins, weighted by the bins' counts. */
    ECE("ece", false);

    private final String key;
    private final boolean higherIsBetter;

    Metric(String key, boolean higherIsBetter) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name in JSON and tables, e.g. {@code pr_auc}. */
    public String key() {
        return key;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * Whether the metric judges the scores themselves rather than one threshold's decisions: AUC, PR AUC, log loss,
     * normalized entropy, Brier and calibration error. Only these make a comparison's verdicts: at a threshold of
     * 0.5 on a 10% click rate, a model that predicts no clicks at all has the best accuracy.
     */
    public boolean thresholdFree() {
        return this != ACCURACY && this != PRECISION && this != RECALL && this != F1;
    }
}
