package me.adsby.workbench.storage.dataset.stats;

import java.util.List;

/**
 * The values of a text column and their frequencies (missing cells left out).
 *
 * @param total    how many values (not missing)
 * @param values   by decreasing count (then by value): every distinct value when {@code exact}; otherwise
 *                 the frequent items that a sketch found, with estimated counts
 * @param exact    whether {@code values} is complete and exact (the column had at most the cap's distinct
 *                 values)
 * @param maxError when not exact, the most any estimated count may be off by; 0 when exact
 */
public record CategoricalSummary(long total, List<ValueCount> values, boolean exact, long maxError) {

    public CategoricalSummary {
        values = List.copyOf(values);
    }

    /** The {@code n} most frequent values. */
    public List<ValueCount> top(int n) {
        return values.subList(0, Math.min(n, values.size()));
    }
}
