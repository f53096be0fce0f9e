package me.adsby.workbench.storage.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void joinsTheMessagesOfTheCausesOnce() {
        IOException root = new IOException("/data/ads.csv: permission denied");
        UncheckedIOException wrapped = new UncheckedIOException("Cannot open the dataset", root);
        RuntimeException repeats = new RuntimeException(root.getMessage(), root);

        assertThat(Failures.describe(wrapped)).isEqualTo("Cannot open the dataset: /data/ads.csv: permission denied");
        assertThat(Failures.describe(repeats)).isEqualTo("/data/ads.csv: permission denied");
        assertThat(Failures.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
