package me.adsby.workbench.storage.dataset.stats;

import org.apache.datasketches.hll.HllSketch;

/**
 * Counts distinct doubles: exactly in an open-addressing set of their bits (no boxing) up to a cap, then
 * with a HyperLogLog sketch (lgK 12, about 1.6% standard error) fed with everything seen. {@code -0.0}
 * counts as {@code 0.0}. Not thread-safe.
 */
final class DoubleDistinct {

    private final int cap;
    private long[] table;
    private int size;
    private boolean hasZeroBits;
    private HllSketch hll;

    DoubleDistinct(int cap) {
        this.cap = cap;
        this.table = new long[Integer.highestOneBit(Math.max(16, cap) * 3) << 1];
    }

    void add(double value) {
        double v = value + 0.0;
        if (hll != null) {
            hll.update(v);
            return;
        }
        long bits = Double.doubleToLongBits(v);
        if (bits == 0) {
            if (!hasZeroBits) {
                hasZeroBits = true;
                grown();
            }
            return;
        }
        int mask = table.length - 1;
        int slot = mix(bits) & mask;
        while (true) {
            long here = table[slot];
            if (here == bits) {
                return;
            }
            if (here == 0) {
                table[slot] = bits;
                size++;
                grown();
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grown() {
        if (count() > cap) {
            hll = new HllSketch(12);
            if (hasZeroBits) {
                hll.update(0.0);
            }
            for (long bits : table) {
                if (bits != 0) {
                    hll.update(Double.longBitsToDouble(bits));
                }
            }
            table = null;
        }
    }

    private long count() {
        return size + (hasZeroBits ? 1 : 0);
    }

    private static int mix(long bits) {
        long h = bits * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    DistinctCount result() {
        if (hll == null) {
            return DistinctCount.exact(count());
        }
        return new DistinctCount(Math.round(hll.getEstimate()), true, hll.getLowerBound(2), hll.getUpperBound(2));
    }
}
