package me.adsby.workbench.storage.dataset.stats;

/**
 * A value of a categorical column and how often it occurs.
 *
 * @param count exact, or the frequent-items sketch's estimate when the column's values are not exact
 */
public record ValueCount(String value, long count) {
}
