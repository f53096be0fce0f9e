package me.adsby.workbench.engine.demo;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The documented click model of the demo: {@code P(click) = sigmoid(tabular + visual)}, where
 * <pre>
 * tabular = INTERCEPT
 *         + PLACEMENT[placement] + DEVICE[device]
 *         + HOUR_AMPLITUDE * sin(2 pi (hour - HOUR_PEAK + 6) / 24)          (peak at HOUR_PEAK)
 *         + WEEKEND * [day is sat or sun]
 *         + HISTORICAL_CTR * (logit(historical_ctr) - HISTORICAL_CTR_CENTRE_LOGIT)
 *         + DISCOUNT * has_discount
 *         + LOG_BID * (ln(bid_price_usd) - ln(LOG_BID_CENTRE_USD))
 *         + LONG_HEADLINE * max(0, headline_length - LONG_HEADLINE_FROM)
 * visual  = CONTRAST * (ln(cta_contrast) - CONTRAST_LOG_MEAN) / CONTRAST_LOG_SD
 *         + AREA * (ln(cta_area_fraction) - AREA_LOG_MEAN) / AREA_LOG_SD
 * </pre>
 * The tabular terms use the values exactly as the CSV holds them (rounded); the visual terms use properties
 * of the banner that the CSV does not hold: the WCAG contrast ratio of the call-to-action button against the
 * background, and the share of the banner's area that the button covers. The standardising constants are
 * fixed (the log-mean and log-sd of the generator's colour and button-size distributions), not estimated per
 * dataset, so an ad's probability does not depend on the other rows.
 */
final class ClickModel {

    /** Chosen so that the overall click rate is about 12%. */
    static final double INTERCEPT = -2.85;

    static final Map<Placement, Double> PLACEMENT = Collections.unmodifiableMap(placementEffects());
    static final Map<Device, Double> DEVICE = Collections.unmodifiableMap(deviceEffects());

    static final double HOUR_AMPLITUDE = 0.30;
    static final int HOUR_PEAK = 20;
    static final double WEEKEND = 0.10;

    static final double HISTORICAL_CTR = 0.90;
    static final double HISTORICAL_CTR_CENTRE_LOGIT = -2.4;

    static final double DISCOUNT = 0.40;

    static final double LOG_BID = 0.25;
    static final double LOG_BID_CENTRE_USD = 0.60;

    static final double LONG_HEADLINE = -0.03;
    static final int LONG_HEADLINE_FROM = 40;

    static final double CONTRAST = 1.00;
    static final double CONTRAST_LOG_MEAN = 0.98;
    static final double CONTRAST_LOG_SD = 0.71;

    static final double AREA = 0.30;
    static final double AREA_LOG_MEAN = -2.52;
    static final double AREA_LOG_SD = 0.40;

    private ClickModel() {
    }

    private static Map<Placement, Double> placementEffects() {
        Map<Placement, Double> effects = new EnumMap<>(Placement.class);
        effects.put(Placement.SEARCH, 0.60);
        effects.put(Placement.FEED, 0.0);
        effects.put(Placement.SIDEBAR, -0.50);
        effects.put(Placement.ARTICLE_INLINE, -0.20);
        effects.put(Placement.VIDEO_PREROLL, 0.30);
        return effects;
    }

    private static Map<Device, Double> deviceEffects() {
        Map<Device, Double> effects = new EnumMap<>(Device.class);
        effects.put(Device.MOBILE, 0.15);
        effects.put(Device.DESKTOP, 0.0);
        effects.put(Device.TABLET, -0.10);
        return effects;
    }

    /** The logit from what the CSV holds (intercept included). */
    static double tabularLogit(Placement placement, Device device, int hourOfDay, DayOfWeek day,
            double historicalCtr, boolean hasDiscount, double bidPriceUsd, int headlineLength) {
        return INTERCEPT
                + PLACEMENT.get(placement)
                + DEVICE.get(device)
                + HOUR_AMPLITUDE * Math.sin(2 * Math.PI * (hourOfDay - HOUR_PEAK + 6) / 24.0)
                + (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? WEEKEND : 0.0)
                + HISTORICAL_CTR * (logit(historicalCtr) - HISTORICAL_CTR_CENTRE_LOGIT)
                + (hasDiscount ? DISCOUNT : 0.0)
                + LOG_BID * (Math.log(bidPriceUsd) - Math.log(LOG_BID_CENTRE_USD))
                + LONG_HEADLINE * Math.max(0, headlineLength - LONG_HEADLINE_FROM);
    }

    /** The logit from the banner's pixels, hidden from the CSV. */
    static double visualLogit(double ctaContrast, double ctaAreaFraction) {
        return CONTRAST * (Math.log(ctaContrast) - CONTRAST_LOG_MEAN) / CONTRAST_LOG_SD
                + AREA * (Math.log(ctaAreaFraction) - AREA_LOG_MEAN) / AREA_LOG_SD;
    }

    static double sigmoid(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
