package me.adsby.workbench.engine.demo;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from a seed and an index, so that what row {@code i} draws depends on
 * {@code (seed, i)} only: not on threads, on the order of work, or on how many rows there are.
 */
final class SeedStreams {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The stream of the campaign catalogue, apart from every row's. */
    static final long CATALOGUE = -1;

    private SeedStreams() {
    }

    /** The stream of row {@code index} (>= 0), or of {@link #CATALOGUE}. */
    static SplittableRandom stream(long seed, long index) {
        return new SplittableRandom(mix64(seed + GOLDEN_GAMMA * (index + 2)));
    }

    /** The splitmix64 finaliser (Stafford's variant 13). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
