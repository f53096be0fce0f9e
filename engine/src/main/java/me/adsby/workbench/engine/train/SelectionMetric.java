package me.adsby.workbench.engine.train;

import java.util.Locale;

/**
 * The validation metric that chooses a run's best epoch (the one exported) and that patience waits on. Log loss
 * by default: it judges the probabilities a CTR model is used for, and it is the first of these to show
 * over-fitting (it rises while the ranking, and so AUC, may still hold).
 */
public enum SelectionMetric {
    /** The mean log loss on validation; lower is better. */
    LOG_LOSS("val_loss", false),
    /** The ROC AUC on validation; higher is better. */
    AUC("val_auc", true),
    /** The average precision (PR AUC) on validation; higher is better. */
    PR_AUC("val_pr_auc", true);

    private final String key;
    private final boolean higherIsBetter;

    SelectionMetric(String key, boolean higherIsBetter) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
    }

    /** The metric's key in epoch events and the history. */
    public String key() {
        return key;
    }

    /** This metric's value in an epoch's metrics. */
    public double of(EpochMetrics metrics) {
        return switch (this) {
            case LOG_LOSS -> metrics.validationLoss();
            case AUC -> metrics.validationAuc();
            case PR_AUC -> metrics.validationPrAuc();
        };
    }

    /**
     * Whether {@code candidate} is strictly better than {@code incumbent}. An undefined value (NaN: a validation
     * split with one class has no AUC) is never better, and any defined value beats an undefined one.
     */
    public boolean better(double candidate, double incumbent) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(incumbent)) {
            return true;
        }
        return higherIsBetter ? candidate > incumbent : candidate < incumbent;
    }

    /** The option's spelling: {@code log_loss}, {@code auc} or {@code pr_auc}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code log_loss}, {@code auc} or {@code pr_auc} (any case; {@code -} for {@code _}). */
    public static SelectionMetric fromId(String id) {
        for (SelectionMetric metric : values()) {
            if (metric.id().equalsIgnoreCase(id.strip().replace('-', '_'))) {
                return metric;
            }
        }
        throw new IllegalArgumentException("the selection metric must be auc, log_loss or pr_auc, not '" + id + "'");
    }
}
