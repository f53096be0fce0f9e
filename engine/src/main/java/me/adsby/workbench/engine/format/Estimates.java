package me.adsby.workbench.engine.format;

import java.util.Locale;
import me.adsby.workbench.storage.dataset.stats.CategoricalSummary;
import me.adsby.workbench.storage.dataset.stats.DistinctCount;

/**
 * Counts that may come from a sketch, written so that an estimate says it is one: {@code ≈}, then its error
 * bound. Exact counts are written as they are.
 */
public final class Estimates {

    private Estimates() {
    }

    /**
     * {@code "5000"} when exact; {@code "≈1018153 ±3.2%"} when estimated, where the percentage is the larger
     * distance from the estimate to its bounds (about 95% confidence), relative to the estimate.
     */
    public static String distinct(DistinctCount distinct) {
        if (!distinct.estimated()) {
            return Long.toString(distinct.value());
        }
        double value = distinct.value();
        if (value <= 0) {
            return "≈0";
        }
        double spread = Math.max(distinct.upperBound() - value, value - distinct.lowerBound());
        return String.format(Locale.ROOT, "≈%d ±%.1f%%", distinct.value(), 100 * spread / value);
    }

    /** The bounds of an estimated distinct count, {@code "986012 to 1051000"}; empty when exact. */
    public static String bounds(DistinctCount distinct) {
        if (!distinct.estimated()) {
            return "";
        }
        return Math.round(Math.floor(distinct.lowerBound())) + " to " + Math.round(Math.ceil(distinct.upperBound()));
    }

    /**
     * A value's count from a categorical summary: {@code "158287"} when the summary is exact, else
     * {@code "≈158287 ±12"}, the frequent-items sketch's estimate and the most it may be off by.
     */
    public static String count(long count, CategoricalSummary summary) {
        return summary.exact() ? Long.toString(count) : "≈" + count + " ±" + summary.maxError();
    }
}
