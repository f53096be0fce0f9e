package me.adsby.workbench.engine.demo;

import java.util.List;

/**
 * Where things go on a banner of a given size: an accent stripe along the left edge, the headline's box,
 * and the call-to-action button. The button's box scales with a per-ad factor; the background shows on every
 * side of the button (at least {@link #MIN_GAP} pixels), so the colour "around" the button is the background.
 *
 * @param stripe   the accent stripe along the left edge
 * @param headline the box the headline is fitted into
 * @param cta      the call-to-action button
 * @param discs    boxes of decorative discs in the accent colour, away from the button (only on tall banners)
 */
record BannerLayout(PixelRect stripe, PixelRect headline, PixelRect cta, List<PixelRect> discs) {

    /** The smallest scale of a button relative to its layout's largest button. */
    static final double MIN_BUTTON_SCALE = 0.55;
    /** The fewest background pixels between the button and anything else or the edge. */
    static final int MIN_GAP = 4;

    static BannerLayout of(BannerSize size, double buttonScale) {
        if (buttonScale < MIN_BUTTON_SCALE || buttonScale > 1) {
            throw new IllegalArgumentException("buttonScale must be in [" + MIN_BUTTON_SCALE + ", 1], was " + buttonScale);
        }
        int w = size.width();
        int h = size.height();
        int shortSide = Math.min(w, h);
        int stripeWidth = Math.max(3, (int) Math.round(shortSide * 0.05));
        int margin = Math.max(MIN_GAP, (int) Math.round(shortSide * 0.08));
        PixelRect stripe = new PixelRect(0, 0, stripeWidth, h);
        int left = stripeWidth + margin;
        if (size.isStrip()) {
            int ctaW = scaled(w * 0.28, buttonScale);
            int ctaH = scaled(h * 0.60, buttonScale);
            PixelRect cta = new PixelRect(w - margin - ctaW, (h - ctaH) / 2, ctaW, ctaH);
            PixelRect headline = new PixelRect(left, margin / 2, cta.x() - margin - left, h - margin);
            return new BannerLayout(stripe, headline, cta, List.of());
        }
        double maxW = size.isColumn() ? (w - stripeWidth) * 0.80 : w * 0.60;
        double maxH = size.isColumn() ? h * 0.10 : h * 0.22;
        int ctaW = scaled(maxW, buttonScale);
        int ctaH = scaled(maxH, buttonScale);
        int bottomSpace = size.isColumn() ? (int) Math.round(h * 0.08) : margin;
        PixelRect cta = new PixelRect(stripeWidth + (w - stripeWidth - ctaW) / 2, h - bottomSpace - ctaH, ctaW, ctaH);
        int headlineBottom = size.isColumn() ? (int) Math.round(h * 0.62) : cta.y() - margin;
        PixelRect headline = new PixelRect(left, margin, w - left - margin, headlineBottom - margin);
        if (!size.isColumn()) {
            return new BannerLayout(stripe, headline, cta, List.of());
        }
        int gapTop = headline.bottom() + margin;
        int gapBottom = cta.y() - 2 * margin;
        int diameter = Math.min(w - left - margin, gapBottom - gapTop) * 2 / 3;
        PixelRect disc = new PixelRect(left + (w - left - margin - diameter) / 2,
                gapTop + (gapBottom - gapTop - diameter) / 2, diameter, diameter);
        return new BannerLayout(stripe, headline, cta, List.of(disc));
    }

    private static int scaled(double max, double scale) {
        return (int) Math.round(max * scale);
    }

    /** The share of the banner's pixels inside the button's box. */
    double ctaAreaFraction(BannerSize size) {
        return (double) cta.area() / size.area();
    }
}
