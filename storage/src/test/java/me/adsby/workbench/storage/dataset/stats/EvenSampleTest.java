package me.adsby.workbench.storage.dataset.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvenSampleTest {

    @Test
    void keepsEvenlySpreadItems() {
        EvenSample<Integer> sample = new EvenSample<>(4);
        for (int i = 0; i < 10; i++) {
            sample.offer(i);
        }
        // full at 4 (0..3): halve to 0, 2 (stride 2), keep 4, 6; at 8 full: halve to 0, 4 (stride 4), keep 8
        assertThat(sample.items()).containsExactly(0, 4, 8);
        assertThat(sample.seen()).isEqualTo(10);
    }

    @Test
    void keepsAllOfAShortStream() {
        EvenSample<Integer> sample = new EvenSample<>(4);
        sample.offer(1);
        sample.offer(2);
        assertThat(sample.items()).containsExactly(1, 2);
    }
}
