package me.adsby.workbench.engine.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes {@code ads.csv}: a header, then one line per ad in order; UTF-8, LF, no value needs quoting. */
final class DemoCsv {

    static final String FILE_NAME = "ads.csv";

    static final List<String> HEADER = List.of("ad_id", "advertiser_category", "campaign_id", "placement", "device",
            "hour_of_day", "day_of_week", "banner_size", "bid_price_usd", "historical_ctr", "headline_length",
            "has_discount", "image", "clicked");

    private DemoCsv() {
    }

    static void write(Path file, List<DemoAd> ads) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", HEADER));
            out.write('\n');
            for (DemoAd ad : ads) {
                out.write(line(ad));
                out.write('\n');
            }
        }
    }

    static String line(DemoAd ad) {
        List<String> values = List.of(
                ad.adId(),
                ad.category().csvName(),
                ad.campaignId(),
                ad.placement().csvName(),
                ad.device().csvName(),
                Integer.toString(ad.hourOfDay()),
                ad.dayOfWeekCsv(),
                ad.bannerSize().label(),
                String.format(Locale.ROOT, "%.2f", ad.bidPriceUsd()),
                String.format(Locale.ROOT, "%.4f", ad.historicalCtr()),
                Integer.toString(ad.headlineLength()),
                ad.hasDiscount() ? "1" : "0",
                ad.image(),
                ad.clicked() ? "1" : "0");
        for (String value : values) {
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalStateException("CSV value needs quoting: " + value);
            }
        }
        return String.join(",", values);
    }
}
