package me.adsby.workbench.engine.demo;

import java.util.Locale;

/**
 * An opaque sRGB colour with 8-bit channels, and the WCAG 2 contrast arithmetic on it.
 *
 * @param red   0..255
 * @param green 0..255
 * @param blue  0..255
 */
public record Rgb(int red, int green, int blue) {

    public static final Rgb BLACK = new Rgb(0, 0, 0);
    public static final Rgb WHITE = new Rgb(255, 255, 255);

    public Rgb {
        checkChannel("red", red);
        checkChannel("green", green);
        checkChannel("blue", blue);
    }

    private static void checkChannel(String name, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(name + " must be in 0..255, was " + value);
        }
    }

    /** The colour of a packed {@code 0xRRGGBB} int (higher bits, such as alpha, are ignored). */
    public static Rgb ofPacked(int rgb) {
        return new Rgb((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
    }

    /**
     * The colour of hue, saturation and lightness (HSL).
     *
     * @param hueDegrees any angle; taken modulo 360
     * @param saturation 0..1
     * @param lightness  0..1
     */
    public static Rgb ofHsl(double hueDegrees, double saturation, double lightness) {
        double h = ((hueDegrees % 360) + 360) % 360 / 60.0;
        double chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double x = chroma * (1 - Math.abs(h % 2 - 1));
        double r;
        double g;
        double b;
        switch ((int) h) {
            case 0 -> { r = chroma; g = x; b = 0; }
            case 1 -> { r = x; g = chroma; b = 0; }
            case 2 -> { r = 0; g = chroma; b = x; }
            case 3 -> { r = 0; g = x; b = chroma; }
            case 4 -> { r = x; g = 0; b = chroma; }
            default -> { r = chroma; g = 0; b = x; }
        }
        double m = lightness - chroma / 2;
        return new Rgb(channel(r + m), channel(g + m), channel(b + m));
    }

    private static int channel(double unit) {
        return (int) Math.round(Math.max(0, Math.min(1, unit)) * 255);
    }

    /** The packed {@code 0xRRGGBB} value, as {@link java.awt.image.BufferedImage#getRGB} gives it without alpha. */
    public int packed() {
        return (red << 16) | (green << 8) | blue;
    }

    /** {@code #rrggbb}. */
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    /** WCAG 2 relative luminance in [0, 1]. */
    public double relativeLuminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** WCAG 2 contrast ratio with another colour, in [1, 21]; symmetric. */
    public double contrastRatio(Rgb other) {
        double a = relativeLuminance();
        double b = other.relativeLuminance();
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** Black or white, whichever contrasts more with this colour: for text drawn on it. */
    public Rgb readableText() {
        return contrastRatio(BLACK) >= contrastRatio(WHITE) ? BLACK : WHITE;
    }
}
