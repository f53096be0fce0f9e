package me.adsby.workbench.engine.demo;

/** The IAB banner sizes of the demo; the PNG of an ad has exactly these pixel dimensions. */
public enum BannerSize {
    MEDIUM_RECTANGLE(300, 250),
    LEADERBOARD(728, 90),
    MOBILE_BANNER(320, 50),
    WIDE_SKYSCRAPER(160, 600),
    LARGE_RECTANGLE(336, 280);

    private final int width;
    private final int height;

    BannerSize(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The CSV value, {@code WIDTHxHEIGHT}. */
    public String label() {
        return width + "x" + height;
    }

    public int area() {
        return width * height;
    }

    /** Wide strips (728x90, 320x50): headline left, button right. */
    public boolean isStrip() {
        return width >= 3 * height;
    }

    /** Tall columns (160x600): headline on top, button below. */
    public boolean isColumn() {
        return height >= 2 * width;
    }

    public static BannerSize ofLabel(String label) {
        for (BannerSize size : values()) {
            if (size.label().equals(label)) {
                return size;
            }
        }
        throw new IllegalArgumentException("Unknown banner size: " + label);
    }
}
