package me.adsby.workbench.engine.demo;

import java.time.DayOfWeek;
import java.util.Locale;

/**
 * One row of the demo: the values of every CSV column, then the latent properties of its banner that the
 * click model uses but the CSV does not hold, then the model's numbers.
 *
 * @param adId             {@code ad_id}, e.g. {@code ad_000001}
 * @param category         {@code advertiser_category}
 * @param campaignId       {@code campaign_id}; a campaign belongs to one category
 * @param placement        {@code placement}
 * @param device           {@code device}
 * @param hourOfDay        {@code hour_of_day}, 0..23
 * @param dayOfWeek        {@code day_of_week}, written {@code mon..sun}
 * @param bannerSize       {@code banner_size}, the PNG's pixel dimensions
 * @param bidPriceUsd      {@code bid_price_usd}, rounded to cents
 * @param historicalCtr    {@code historical_ctr}, the campaign's prior CTR as logged, rounded to 4 decimals
 * @param headlineLength   {@code headline_length}, the characters of {@link #headline}
 * @param hasDiscount      {@code has_discount}: the headline mentions a discount
 * @param image            {@code image}, the PNG's path relative to the CSV's folder
 * @param clicked          {@code clicked}, the label: {@code uniform < clickProbability}
 * @param headline         the banner's headline text (latent: only its length is a column)
 * @param ctaLabel         the button's text, e.g. "Shop now"
 * @param background       the banner's background colour, which surrounds the button
 * @param accent           the colour of the accent stripe along the banner's left edge
 * @param ctaColour        the button's fill colour
 * @param buttonScale      the button's size relative to its layout's largest, in [0.55, 1]
 * @param ctaRect          the button's box in banner pixels
 * @param ctaContrast      WCAG contrast ratio of {@code ctaColour} against {@code background}, in [1, 21]
 * @param ctaAreaFraction  the share of the banner's area that the button's box covers
 * @param tabularLogit     the model's logit from the CSV's values alone (intercept included)
 * @param visualLogit      the model's logit from the banner's latent properties
 * @param clickProbability {@code sigmoid(tabularLogit + visualLogit)}
 */
public record DemoAd(
        String adId,
        AdvertiserCategory category,
        String campaignId,
        Placement placement,
        Device device,
        int hourOfDay,
        DayOfWeek dayOfWeek,
        BannerSize bannerSize,
        double bidPriceUsd,
        double historicalCtr,
        int headlineLength,
        boolean hasDiscount,
        String image,
        boolean clicked,
        String headline,
        String ctaLabel,
        Rgb background,
        Rgb accent,
        Rgb ctaColour,
        double buttonScale,
        PixelRect ctaRect,
        double ctaContrast,
        double ctaAreaFraction,
        double tabularLogit,
        double visualLogit,
        double clickProbability) {

    /** {@code mon}, {@code tue}, ... as the CSV writes the day. */
    public String dayOfWeekCsv() {
        return dayOfWeek.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    /** The true logit, {@code tabularLogit + visualLogit}. */
    public double logit() {
        return tabularLogit + visualLogit;
    }

    BannerLayout layout() {
        return BannerLayout.of(bannerSize, buttonScale);
    }
}
