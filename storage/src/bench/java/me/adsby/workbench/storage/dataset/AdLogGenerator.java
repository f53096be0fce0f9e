package me.adsby.workbench.storage.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic ad log CSV with a fixed seed (the same bytes on every run), shaped like a real one:
 * <ul>
 *   <li>high-cardinality text: {@code ad_id} unique per row, {@code image} a path per row
 *       ({@code images/<ad_id>.png});</li>
 *   <li>{@code advertiser}: 5,000 values with a heavy-tailed (Zipf, s = 1.1) frequency, and
 *       {@code campaign_id} (an integer, 7 per advertiser);</li>
 *   <li>low-cardinality text (placement, device, country), integers (hour, impressions), floats (bid_price,
 *       hist_ctr) and a 0/1 label ({@code clicked});</li>
 *   <li>missing cells: bid_price 0.5%, device 1%, country 2%.</li>
 * </ul>
 * About 125 bytes a row.
 */
public final class AdLogGenerator {

    /** Distinct advertisers. */
    public static final int ADVERTISERS = 5_000;

    private static final String HEADER = "ad_id,advertiser,campaign_id,placement,device,country,hour,bid_price,"
            + "hist_ctr,impressions,clicked,image\n";
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
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        SplittableRandom random = new SplittableRandom(20_260_101L);
        double[] advertiserCdf = zipfCdf(ADVERTISERS, 1.1);
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            StringBuilder row = new StringBuilder(200);
            for (int i = 0; i < rows; i++) {
                row.setLength(0);
                appendRow(row, i, random, advertiserCdf);
                out.append(row);
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static void appendRow(StringBuilder row, int i, SplittableRandom random, double[] advertiserCdf) {
        String id = String.format(Locale.ROOT, "ad_%08d", i);
        int advertiser = draw(advertiserCdf, random.nextDouble());
        double bid = Math.exp(random.nextGaussian() * 0.8 - 0.5);
        double ctr = Math.min(1, Math.abs(random.nextGaussian() * 0.02 + 0.03));
        boolean click = random.nextDouble() < ctr * 1.5;
        row.append(id).append(',')
                .append("advertiser_").append(advertiser).append(',')
                .append(100_000 + advertiser * 7 + random.nextInt(7)).append(',')
                .append(PLACEMENTS[random.nextInt(PLACEMENTS.length)]).append(',')
                .append(random.nextInt(100) == 0 ? "" : DEVICES[random.nextInt(DEVICES.length)]).append(',');
        if (random.nextInt(50) != 0) {
            row.append((char) ('A' + random.nextInt(26))).append((char) ('A' + random.nextInt(8)));
        }
        row.append(',').append(random.nextInt(24)).append(',')
                .append(random.nextInt(200) == 0 ? "" : String.format(Locale.ROOT, "%.4f", bid)).append(',')
                .append(String.format(Locale.ROOT, "%.5f", ctr)).append(',')
                .append(random.nextInt(1_000_000)).append(',')
                .append(click ? '1' : '0').append(',')
                .append("images/").append(id).append(".png")
                .append('\n');
    }

    /** Cumulative probabilities of ranks 0 .. n-1 with weight {@code 1 / (rank + 1)^s}. */
    private static double[] zipfCdf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, s);
            cdf[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cdf[k] /= sum;
        }
        return cdf;
    }

    private static int draw(double[] cdf, double u) {
        int at = Arrays.binarySearch(cdf, u);
        return Math.min(cdf.length - 1, at >= 0 ? at : -at - 1);
    }

    public static void main(String[] args) throws IOException {
        Path file = ensure(Path.of(args.length > 0 ? args[0] : "target/bench/ad_log.csv"),
                args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
        System.out.println(file + " " + Files.size(file) + " bytes");
    }
}
