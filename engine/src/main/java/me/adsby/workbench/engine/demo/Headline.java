package me.adsby.workbench.engine.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A banner's headline, made of a lead, one of the category's products, maybe a benefit, and maybe a discount:
 * e.g. "Discover cheap flights for less - Save 20%". No headline contains a comma or a quote.
 *
 * @param text        the headline
 * @param hasDiscount whether the headline mentions a discount
 */
record Headline(String text, boolean hasDiscount) {

    static final List<String> LEADS = List.of("New", "Discover", "Try", "Meet the", "Get", "Find", "Explore",
            "The best", "Top rated", "Your next");
    static final List<String> BENEFITS = List.of("for less", "delivered fast", "made simple", "you will love",
            "for everyone", "this weekend", "near you", "trusted by millions", "with free returns", "in minutes");
    static final double BENEFIT_SHARE = 0.6;

    static Headline draw(AdvertiserCategory category, SplittableRandom random) {
        StringBuilder text = new StringBuilder(pick(LEADS, random)).append(' ').append(pick(category.products(), random));
        if (random.nextDouble() < BENEFIT_SHARE) {
            text.append(' ').append(pick(BENEFITS, random));
        }
        boolean discount = random.nextDouble() < category.discountShare();
        if (discount) {
            text.append(" - ").append(discount(random));
        }
        return new Headline(text.toString(), discount);
    }

    private static String discount(SplittableRandom random) {
        int percent = 10 + 5 * random.nextInt(9);
        return switch (random.nextInt(4)) {
            case 0 -> "Save " + percent + "%";
            case 1 -> percent + "% off";
            case 2 -> "Up to " + percent + "% off";
            default -> "Half price";
        };
    }

    static <T> T pick(List<T> items, SplittableRandom random) {
        return items.get(random.nextInt(items.size()));
    }
}
