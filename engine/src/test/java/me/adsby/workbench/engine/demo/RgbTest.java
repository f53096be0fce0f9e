package me.adsby.workbench.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RgbTest {

    @Test
    void contrastRatiosAreWcagTwo() {
        // Black on white: (1 + 0.05) / (0 + 0.05) = 21, the maximum.
        assertThat(Rgb.BLACK.contrastRatio(Rgb.WHITE)).isCloseTo(21.0, within(1e-12));
        // A colour against itself: 1, the minimum.
        Rgb grey = new Rgb(0x77, 0x77, 0x77);
        assertThat(grey.contrastRatio(grey)).isEqualTo(1.0);
        // #777777: c = 119/255 = 0.46667, linear ((c + 0.055) / 1.055)^2.4 = 0.18447, so on white
        // 1.05 / 0.23447 = 4.478 (WebAIM's checker shows 4.47:1 for this pair).
        assertThat(grey.contrastRatio(Rgb.WHITE)).isCloseTo(4.478, within(0.001));
        assertThat(Rgb.WHITE.contrastRatio(grey)).isEqualTo(grey.contrastRatio(Rgb.WHITE));
        // Pure red: luminance 0.2126, so against black (0.2126 + 0.05) / 0.05 = 5.252.
        assertThat(new Rgb(255, 0, 0).contrastRatio(Rgb.BLACK)).isCloseTo(5.252, within(1e-9));
    }

    @Test
    void hslConvertsToTheUsualSrgbValues() {
        assertThat(Rgb.ofHsl(0, 1, 0.5)).isEqualTo(new Rgb(255, 0, 0));
        assertThat(Rgb.ofHsl(120, 1, 0.25)).isEqualTo(new Rgb(0, 128, 0)); // 0.5 * 255 = 127.5, rounded up
        assertThat(Rgb.ofHsl(240, 1, 0.5)).isEqualTo(new Rgb(0, 0, 255));
        assertThat(Rgb.ofHsl(300, 0, 0.5)).isEqualTo(new Rgb(128, 128, 128));
        assertThat(Rgb.ofHsl(420, 1, 0.5)).isEqualTo(Rgb.ofHsl(60, 1, 0.5)).isEqualTo(new Rgb(255, 255, 0));
    }

    @Test
    void packsLikeBufferedImageAndReadsBack() {
        Rgb colour = new Rgb(0x12, 0x34, 0xab);
        assertThat(colour.packed()).isEqualTo(0x1234ab);
        assertThat(Rgb.ofPacked(0xff1234ab)).isEqualTo(colour);
        assertThat(colour.hex()).isEqualTo("#1234ab");
        assertThat(Rgb.WHITE.readableText()).isEqualTo(Rgb.BLACK);
        assertThat(new Rgb(0, 0, 80).readableText()).isEqualTo(Rgb.WHITE);
        assertThatThrownBy(() -> new Rgb(256, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
