package me.adsby.workbench.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void bytesInUnitsOf1024() {
        assertThat(Sizes.human(-1)).isEmpty();
        assertThat(Sizes.human(1)).isEqualTo("1 byte");
        assertThat(Sizes.human(1023)).isEqualTo("1023 bytes");
        assertThat(Sizes.human(1536)).isEqualTo("1.5 KB");          // 1536 / 1024
        assertThat(Sizes.human(10 * 1024 * 1024)).isEqualTo("10 MB");
        assertThat(Sizes.human(3L * 1024 * 1024 * 1024 / 2)).isEqualTo("1.5 GB");
    }
}
