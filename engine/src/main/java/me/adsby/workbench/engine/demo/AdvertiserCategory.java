package me.adsby.workbench.engine.demo;

import java.util.List;
import java.util.Locale;

/** The advertiser's industry, with the words its banners use. */
public enum AdvertiserCategory {
    RETAIL(0.40,
            List.of("home essentials", "kitchen gear", "smart gadgets", "garden tools", "pet supplies", "office chairs"),
            List.of("Shop now", "Buy now", "See deals")),
    TRAVEL(0.35,
            List.of("beach getaways", "city breaks", "mountain cabins", "cheap flights", "last minute trips",
                    "island resorts"),
            List.of("Book now", "See offers", "Plan trip")),
    FINANCE(0.15,
            List.of("savings accounts", "credit cards", "home loans", "index funds", "travel insurance", "budget apps"),
            List.of("Learn more", "Apply now", "Get quote")),
    GAMING(0.20,
            List.of("strategy games", "puzzle quests", "racing leagues", "fantasy worlds", "arcade classics",
                    "battle arenas"),
            List.of("Play now", "Play free", "Download")),
    AUTOMOTIVE(0.20,
            List.of("electric SUVs", "family cars", "hybrid sedans", "winter tyres", "car leasing", "city scooters"),
            List.of("Test drive", "Learn more", "Get quote")),
    FOOD(0.45,
            List.of("pizza delivery", "fresh groceries", "meal kits", "vegan bowls", "craft coffee", "sushi boxes"),
            List.of("Order now", "Get offer", "See menu")),
    FASHION(0.45,
            List.of("summer dresses", "running shoes", "denim jackets", "leather bags", "wool coats", "sneaker drops"),
            List.of("Shop now", "See styles", "Buy now")),
    TELECOM(0.30,
            List.of("5G plans", "fibre broadband", "family bundles", "unlimited data", "prepaid SIMs", "new phones"),
            List.of("Switch now", "See plans", "Learn more"));

    private final double discountShare;
    private final List<String> products;
    private final List<String> callsToAction;

    AdvertiserCategory(double discountShare, List<String> products, List<String> callsToAction) {
        this.discountShare = discountShare;
        this.products = products;
        this.callsToAction = callsToAction;
    }

    /** The CSV value, e.g. {@code automotive}. */
    public String csvName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The share of this category's headlines that mention a discount. */
    double discountShare() {
        return discountShare;
    }

    List<String> products() {
        return products;
    }

    List<String> callsToAction() {
        return callsToAction;
    }
}
