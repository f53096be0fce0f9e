package me.adsby.workbench.engine.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One advertiser's campaign: every ad of a campaign has its category, and its CTR and bids scatter around
 * the campaign's levels.
 *
 * @param id         the CSV value, e.g. {@code cmp_07}
 * @param category   the advertiser's category
 * @param baseCtr    the campaign's long-run click rate, around which {@code historical_ctr} scatters
 * @param bidLevel   the campaign's median bid in USD
 * @param popularity relative share of impressions
 */
record Campaign(String id, AdvertiserCategory category, double baseCtr, double bidLevel, double popularity) {

    /** Campaigns in the catalogue: five per category. */
    static final int COUNT = 40;

    /** The campaign catalogue of a seed. */
    static List<Campaign> catalogue(long seed) {
        SplittableRandom random = SeedStreams.stream(seed, SeedStreams.CATALOGUE);
        AdvertiserCategory[] categories = AdvertiserCategory.values();
        List<Campaign> campaigns = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            double baseCtr = ClickModel.sigmoid(ClickModel.HISTORICAL_CTR_CENTRE_LOGIT + 0.45 * random.nextGaussian());
            double bidLevel = 0.6 * Math.exp(0.35 * random.nextGaussian());
            double popularity = Math.exp(0.8 * random.nextGaussian());
            campaigns.add(new Campaign(String.format(Locale.ROOT, "cmp_%02d", i + 1), categories[i % categories.length],
                    baseCtr, bidLevel, popularity));
        }
        return List.copyOf(campaigns);
    }
}
