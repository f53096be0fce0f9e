package me.adsby.workbench.engine.eval;

/**
 * The order of examples by score, highest first, as an array of example indices: one primitive LSD radix sort
 * of the scores' IEEE bits (6 passes of 11 bits, a pass skipped when every key shares its digit), stable, so
 * tied scores keep their examples' order. O(n), no boxing; every metric and curve is computed from this one
 * order.
 */
final class ScoreOrder {

    private static final int DIGIT_BITS = 11;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int PASSES = (64 + DIGIT_BITS - 1) / DIGIT_BITS;

    private ScoreOrder() {
    }

    /** Example indices, highest score first; ties in index order. Scores must not be NaN. */
    static int[] descending(double[] scores) {
        int n = scores.length;
        long[] keys = new long[n];
        int[] order = new int[n];
        int[][] counts = new int[PASSES][BUCKETS];
        for (int i = 0; i < n; i++) {
            long key = descendingKey(scores[i]);
            keys[i] = key;
            order[i] = i;
            for (int pass = 0; pass < PASSES; pass++) {
                counts[pass][(int) (key >>> (pass * DIGIT_BITS)) & (BUCKETS - 1)]++;
            }
        }
        long[] keysOut = new long[n];
        int[] orderOut = new int[n];
        for (int pass = 0; pass < PASSES; pass++) {
            int[] count = counts[pass];
            int shift = pass * DIGIT_BITS;
            if (n == 0 || count[(int) (keys[0] >>> shift) & (BUCKETS - 1)] == n) {
                continue;  // every key has this digit: the pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long key = keys[i];
                int at = count[(int) (key >>> shift) & (BUCKETS - 1)]++;
                keysOut[at] = key;
                orderOut[at] = order[i];
            }
            long[] k = keys;
            keys = keysOut;
            keysOut = k;
            int[] o = order;
            order = orderOut;
            orderOut = o;
        }
        return order;
    }

    /**
     * An unsigned key whose ascending order is the scores' descending order: the IEEE bits made to sort as
     * unsigned numbers (negatives flipped whole, positives with the sign bit set), then complemented. -0.0 and
     * 0.0 become one key.
     */
    static long descendingKey(double score) {
        long bits = Double.doubleToLongBits(score + 0.0);
        long ascending = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        return ~ascending;
    }
}
