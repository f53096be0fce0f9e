package me.adsby.workbench.engine.input;

import java.util.SplittableRandom;

/**
 * The order of the training examples in an epoch: a Fisher-Yates shuffle driven by a generator seeded from
 * {@code (seed, epoch)}, so that each epoch has its own order and the same {@code (seed, epoch)} always gives
 * the same one.
 */
final class EpochOrder {

    private EpochOrder() {
    }

    static int[] shuffled(int count, long seed, int epoch) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(SplitSettings.mix(SplitSettings.mix(seed) ^ (0x5851F42D4C957F2DL + epoch)));
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
