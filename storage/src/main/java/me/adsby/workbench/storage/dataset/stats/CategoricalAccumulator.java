package me.adsby.workbench.storage.dataset.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;

/**
 * Counts the values of a text column exactly in a hash map up to a cap of distinct values; beyond it, a
 * HyperLogLog sketch (lgK 12) counts distinct values and, when top values are wanted, a frequent-items
 * sketch (map size 4096) estimates the frequent ones. Everything seen before the switch is fed to the
 * sketches. Not thread-safe.
 */
final class CategoricalAccumulator {

    private static final int FREQUENT_MAP_SIZE = 4096;

    private final int cap;
    private final boolean trackTop;
    private Map<String, long[]> counts = new HashMap<>();
    private HllSketch hll;
    private ItemsSketch<String> frequent;
    private long total;

    /**
     * @param cap      distinct values counted exactly
     * @param trackTop whether to estimate frequent values beyond the cap (not for keys or image paths)
     */
    CategoricalAccumulator(int cap, boolean trackTop) {
        this.cap = cap;
        this.trackTop = trackTop;
    }

    void add(String value) {
        total++;
        if (counts != null) {
            long[] count = counts.get(value);
            if (count != null) {
                count[0]++;
                return;
            }
            counts.put(value, new long[] {1});
            if (counts.size() > cap) {
                switchToSketches();
            }
            return;
        }
        hll.update(value);
        if (frequent != null) {
            frequent.update(value);
        }
    }

    private void switchToSketches() {
        hll = new HllSketch(12);
        frequent = trackTop ? new ItemsSketch<>(FREQUENT_MAP_SIZE) : null;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            hll.update(e.getKey());
            if (frequent != null) {
                frequent.update(e.getKey(), e.getValue()[0]);
            }
        }
        counts = null;
    }

    DistinctCount distinct() {
        if (counts != null) {
            return DistinctCount.exact(counts.size());
        }
        return new DistinctCount(Math.round(hll.getEstimate()), true, hll.getLowerBound(2), hll.getUpperBound(2));
    }

    CategoricalSummary result() {
        List<ValueCount> values = new ArrayList<>();
        if (counts != null) {
            counts.forEach((value, count) -> values.add(new ValueCount(value, count[0])));
        } else if (frequent != null) {
            for (ItemsSketch.Row<String> row : frequent.getFrequentItems(ErrorType.NO_FALSE_POSITIVES)) {
                values.add(new ValueCount(row.getItem(), row.getEstimate()));
            }
        }
        values.sort(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value));
        return new CategoricalSummary(total, values, counts != null, counts != null || frequent == null
                ? 0 : frequent.getMaximumError());
    }
}
