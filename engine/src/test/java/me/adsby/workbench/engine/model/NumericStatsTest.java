package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import me.adsby.workbench.engine.input.Batch;
import org.junit.jupiter.api.Test;

class NumericStatsTest {

    @Test
    void meansAndStdsIgnoreMissingValuesAcrossBatches() {
        Batch first = batch(new float[] {1f, 10f, 3f, Float.NaN});
        Batch second = batch(new float[] {5f, 10f, Float.NaN, 10f});
        NumericStats stats = NumericStats.of(List.of(first, second), 2);
        assertThat(stats.means()[0]).isCloseTo(3f, within(1e-6f));
        // Population standard deviation of 1, 3, 5.
        assertThat(stats.stds()[0]).isCloseTo((float) Math.sqrt(8.0 / 3), within(1e-6f));
        assertThat(stats.means()[1]).isCloseTo(10f, within(1e-6f));
        assertThat(stats.stds()[1]).as("a constant column divides by 1").isEqualTo(1f);
    }

    private static Batch batch(float[] numeric) {
        int size = numeric.length / 2;
        return new Batch(size, numeric, new String[0], new float[0], new float[size], new long[size]);
    }
}
