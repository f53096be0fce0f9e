package me.adsby.workbench.storage.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic ad log CSV with a fixed seed (the same bytes on every run): an id, categorical columns
 * of a few to a few thousand values, integer and float columns, a 0/1 label and an image path. About 100
 * bytes a row.
 */
public final class AdLogGenerator {

    private static final String[] DEVICES = {"mobile", "desktop", "tablet", "tv", "other"};
    private static final String[] PLACEMENTS = {"feed_top", "feed_mid", "sidebar", "search", "video_pre",
        "video_mid", "story", "banner_top", "banner_bottom", "interstitial"};

    private AdLogGenerator() {
    }

    /** Writes {@code rows} rows to {@code file} unless it exists already; returns the file. */
    public static Path ensure(Path file, int rows) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        SplittableRandom random = new SplittableRandom(20_260_101L);
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write("ad_id,advertiser,campaign_id,placement,device,country,hour,bid_price,hist_ctr,"
                    + "impressions,clicked,image\n");
            StringBuilder row = new StringBuilder(160);
            for (int i = 0; i < rows; i++) {
                row.setLength(0);
                int advertiser = (int) Math.floor(Math.pow(random.nextDouble(), 2) * 800);
                double bid = Math.exp(random.nextGaussian() * 0.8 - 0.5);
                double ctr = Math.min(1, Math.abs(random.nextGaussian() * 0.02 + 0.03));
                boolean click = random.nextDouble() < ctr * 1.5;
                row.append("ad_").append(String.format(Locale.ROOT, "%08d", i)).append(',')
                        .append("advertiser_").append(advertiser).append(',')
                        .append(100_000 + advertiser * 7 + random.nextInt(7)).append(',')
                        .append(PLACEMENTS[random.nextInt(PLACEMENTS.length)]).append(',')
                        .append(DEVICES[random.nextInt(DEVICES.length)]).append(',')
                        .append((char) ('A' + random.nextInt(26))).append((char) ('A' + random.nextInt(8))).append(',')
                        .append(random.nextInt(24)).append(',')
                        .append(random.nextInt(200) == 0 ? "" : String.format(Locale.ROOT, "%.4f", bid)).append(',')
                        .append(String.format(Locale.ROOT, "%.5f", ctr)).append(',')
                        .append(random.nextInt(1_000_000)).append(',')
                        .append(click ? '1' : '0').append(',')
                        .append(String.format(Locale.ROOT, "images/%02x/%08x.jpg", advertiser & 0xff,
                                random.nextInt() & 0x7fffffff))
                        .append('\n');
                out.append(row);
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    public static void main(String[] args) throws IOException {
        Path file = ensure(Path.of(args.length > 0 ? args[0] : "target/bench/ad_log.csv"),
                args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
        System.out.println(file + " " + Files.size(file) + " bytes");
    }
}
