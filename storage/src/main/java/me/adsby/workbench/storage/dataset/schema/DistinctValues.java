package me.adsby.workbench.storage.dataset.schema;

/**
 * Counts the distinct values of one column, and how many values were seen again, in bounded memory: a set of
 * 64-bit hashes (open addressing, grown by doubling) that stops growing at {@code limit} distinct values.
 * After that the column is known to be high-cardinality and nothing more is tracked. Two different values share
 * a 64-bit hash with negligible probability at these sizes (about {@code n^2 / 2^65}). Not thread-safe.
 */
final class DistinctValues {

    private static final long EMPTY = 0L;

    private final int limit;
    private long[] table = new long[64];
    private int size;
    private long repeats;
    private boolean zeroSeen;
    private boolean overflowed;

    DistinctValues(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        this.limit = limit;
    }

    /** Counts one value (not missing). */
    void add(String value) {
        if (overflowed) {
            return;
        }
        long hash = hash(value);
        if (hash == EMPTY) {
            if (zeroSeen) {
                repeats++;
            } else {
                zeroSeen = true;
                grew();
            }
            return;
        }
        int mask = table.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[slot] != EMPTY) {
            if (table[slot] == hash) {
                repeats++;
                return;
            }
            slot = (slot + 1) & mask;
        }
        table[slot] = hash;
        grew();
    }

    private void grew() {
        size++;
        if (size > limit) {
            overflowed = true;
            table = null;
        } else if (size * 2 > table.length) {
            rehash();
        }
    }

    private void rehash() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long hash : old) {
            if (hash != EMPTY) {
                int slot = (int) (hash ^ (hash >>> 32)) & mask;
                while (table[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = hash;
            }
        }
    }

    /** Distinct values counted, at most {@code limit + 1} (then {@link #overflowed()}). */
    long distinct() {
        return size;
    }

    /** Values that were seen before, while counting. */
    long repeats() {
        return repeats;
    }

    /** Whether counting stopped because more than {@code limit} distinct values were seen. */
    boolean overflowed() {
        return overflowed;
    }

    /** FNV-1a over the UTF-16 units, then a 64-bit finalizer that spreads the bits. */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
