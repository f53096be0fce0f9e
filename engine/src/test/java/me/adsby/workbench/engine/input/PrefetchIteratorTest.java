package me.adsby.workbench.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrefetchIteratorTest {

    private static Batch batchOf(int index) {
        return new Batch(1, new float[0], new String[0], new float[0], new float[] {1}, new long[] {index});
    }

    @Test
    void theProducerNeverRunsMoreThanPrefetchPlusOneBatchesAhead() throws InterruptedException {
        int prefetch = 3;
        try (PrefetchIterator it = new PrefetchIterator(100, PrefetchIteratorTest::batchOf, prefetch, "test")) {
            // Nothing taken: the queue fills with 3, and the producer holds a 4th while it waits to put it.
            waitUntilStable(it);
            assertThat(it.produced()).isEqualTo(prefetch + 1);
            for (int taken = 1; taken <= 10; taken++) {
                assertThat(it.next().rows()[0]).isEqualTo(taken - 1);
                waitUntilStable(it);
                assertThat(it.produced()).isEqualTo(taken + prefetch + 1);
            }
        }
    }

    @Test
    void everyBatchComesOnceInOrderThenTheEnd() {
        try (PrefetchIterator it = new PrefetchIterator(5, PrefetchIteratorTest::batchOf, 2, "test")) {
            for (int i = 0; i < 5; i++) {
                assertThat(it.next().rows()[0]).isEqualTo(i);
            }
            assertThat(it.hasNext()).isFalse();
        }
    }

    @Test
    void aFailureOfTheProducerIsThrownToTheConsumer() {
        try (PrefetchIterator it = new PrefetchIterator(5, i -> {
            if (i == 2) {
                throw new IllegalStateException("broken batch 2");
            }
            return batchOf(i);
        }, 2, "test")) {
            it.next();
            it.next();
            assertThatThrownBy(it::next).isInstanceOf(IllegalStateException.class).hasMessage("broken batch 2");
        }
    }

    private static void waitUntilStable(PrefetchIterator it) throws InterruptedException {
        long last = -1;
        int stable = 0;
        while (stable < 20) {
            Thread.sleep(5);
            long now = it.produced();
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
    }
}
