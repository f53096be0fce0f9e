package me.adsby.workbench.engine.demo;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the ads of a seed. Row {@code i} draws from its own stream {@code (seed, i)} in a fixed order, so an
 * ad does not depend on threads or on how many rows there are.
 */
final class AdSampler {

    private static final double[] PLACEMENT_TRAFFIC = {0.20, 0.35, 0.20, 0.15, 0.10};
    private static final double[] DEVICE_TRAFFIC = {0.55, 0.35, 0.10};
    /** Impressions by hour of day: quiet at night, busy in the evening. */
    private static final double[] HOUR_TRAFFIC = {2, 1, 1, 1, 1, 2, 3, 5, 6, 6, 6, 6, 7, 6, 6, 6, 6, 7, 8, 9, 9, 8, 6, 4};
    private static final Map<Device, double[]> SIZE_TRAFFIC = sizeTraffic();

    private final long seed;
    private final List<Campaign> campaigns;
    private final double[] campaignTraffic;

    AdSampler(long seed) {
        this.seed = seed;
        this.campaigns = Campaign.catalogue(seed);
        this.campaignTraffic = campaigns.stream().mapToDouble(Campaign::popularity).toArray();
    }

    /** Banner sizes by device, in {@link BannerSize} order: phones get few leaderboards and skyscrapers. */
    private static Map<Device, double[]> sizeTraffic() {
        Map<Device, double[]> traffic = new EnumMap<>(Device.class);
        traffic.put(Device.MOBILE, new double[] {0.35, 0.02, 0.43, 0.02, 0.18});
        traffic.put(Device.DESKTOP, new double[] {0.25, 0.30, 0.02, 0.18, 0.25});
        traffic.put(Device.TABLET, new double[] {0.33, 0.20, 0.05, 0.12, 0.30});
        return traffic;
    }

    DemoAd sample(int index) {
        SplittableRandom random = SeedStreams.stream(seed, index);
        Campaign campaign = campaigns.get(weighted(campaignTraffic, random));
        AdvertiserCategory category = campaign.category();
        Placement placement = Placement.values()[weighted(PLACEMENT_TRAFFIC, random)];
        Device device = Device.values()[weighted(DEVICE_TRAFFIC, random)];
        int hour = weighted(HOUR_TRAFFIC, random);
        DayOfWeek day = DayOfWeek.of(1 + random.nextInt(7));
        BannerSize size = BannerSize.values()[weighted(SIZE_TRAFFIC.get(device), random)];
        double searchPremium = placement == Placement.SEARCH ? 1.5 : 1.0;
        double bid = Math.max(0.05, cents(campaign.bidLevel() * searchPremium * Math.exp(0.5 * random.nextGaussian())));
        double historicalCtr = Math.max(0.001, Math.min(0.9,
                tenThousandths(ClickModel.sigmoid(ClickModel.logit(campaign.baseCtr()) + 0.3 * random.nextGaussian()))));
        Headline headline = Headline.draw(category, random);
        String ctaLabel = Headline.pick(category.callsToAction(), random);
        Rgb background = Rgb.ofHsl(360 * random.nextDouble(), 0.25 + 0.6 * random.nextDouble(),
                0.10 + 0.82 * random.nextDouble());
        Rgb ctaColour = Rgb.ofHsl(360 * random.nextDouble(), 0.5 + 0.5 * random.nextDouble(),
                0.08 + 0.84 * random.nextDouble());
        Rgb accent = Rgb.ofHsl(360 * random.nextDouble(), 0.7, 0.5);
        double buttonScale = BannerLayout.MIN_BUTTON_SCALE + (1 - BannerLayout.MIN_BUTTON_SCALE) * random.nextDouble();
        double uniform = random.nextDouble();

        BannerLayout layout = BannerLayout.of(size, buttonScale);
        double contrast = ctaColour.contrastRatio(background);
        double areaFraction = layout.ctaAreaFraction(size);
        int headlineLength = headline.text().length();
        double tabular = ClickModel.tabularLogit(placement, device, hour, day, historicalCtr, headline.hasDiscount(),
                bid, headlineLength);
        double visual = ClickModel.visualLogit(contrast, areaFraction);
        double probability = ClickModel.sigmoid(tabular + visual);
        String adId = String.format(Locale.ROOT, "ad_%06d", index + 1);
        return new DemoAd(adId, category, campaign.id(), placement, device, hour, day, size, bid, historicalCtr,
                headlineLength, headline.hasDiscount(), "images/" + adId + ".png", uniform < probability,
                headline.text(), ctaLabel, background, accent, ctaColour, buttonScale, layout.cta(), contrast,
                areaFraction, tabular, visual, probability);
    }

    private static int weighted(double[] weights, SplittableRandom random) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static double cents(double usd) {
        return Math.round(usd * 100) / 100.0;
    }

    private static double tenThousandths(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
