package me.adsby.workbench.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.Progress;
import me.adsby.workbench.storage.work.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatasetGeneratorTest {

    /** The columns as the product documents them, in order. */
    private static final List<String> HEADER = List.of("ad_id", "advertiser_category", "campaign_id", "placement",
            "device", "hour_of_day", "day_of_week", "banner_size", "bid_price_usd", "historical_ctr", "headline_length",
            "has_discount", "image", "clicked");

    @TempDir
    Path temp;

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        DemoDataset first = write(60, 11, temp.resolve("a"));
        DemoDataset second = write(60, 11, temp.resolve("b"));
        DemoDataset other = write(60, 12, temp.resolve("c"));

        assertThat(Files.readAllBytes(second.csv())).isEqualTo(Files.readAllBytes(first.csv()));
        assertThat(Files.readAllBytes(second.directory().resolve("README.md")))
                .isEqualTo(Files.readAllBytes(first.directory().resolve("README.md")));
        List<String> images = fileNames(first.directory().resolve("images"));
        assertThat(images).hasSize(60).isEqualTo(fileNames(second.directory().resolve("images")));
        for (String image : images) {
            assertThat(Files.readAllBytes(second.directory().resolve("images").resolve(image)))
                    .as(image).isEqualTo(Files.readAllBytes(first.directory().resolve("images").resolve(image)));
        }
        assertThat(Files.readAllBytes(other.csv())).isNotEqualTo(Files.readAllBytes(first.csv()));
    }

    @Test
    void aRowDoesNotDependOnHowManyRowsThereAre() {
        assertThat(new DemoDatasetGenerator(100, 5).ads().subList(0, 60)).isEqualTo(new DemoDatasetGenerator(60, 5).ads());
    }

    @Test
    void theCsvHasTheDocumentedShapeAndEveryImageMatchesItsRow() throws IOException {
        int rows = 40;
        DemoDataset dataset = write(rows, 3, temp.resolve("out"));
        String text = Files.readString(dataset.csv(), StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").doesNotContain("\r").doesNotContain("\"");
        List<String> lines = List.of(text.split("\n"));
        assertThat(lines).hasSize(rows + 1);
        assertThat(lines.get(0)).isEqualTo(String.join(",", HEADER));

        int clicks = 0;
        for (int i = 1; i <= rows; i++) {
            String[] f = lines.get(i).split(",", -1);
            assertThat(f).as(lines.get(i)).hasSize(HEADER.size());
            String adId = String.format(Locale.ROOT, "ad_%06d", i);
            assertThat(f[0]).isEqualTo(adId);
            assertThat(f[1]).isIn("retail", "travel", "finance", "gaming", "automotive", "food", "fashion", "telecom");
            assertThat(f[2]).matches("cmp_\\d\\d");
            assertThat(f[3]).isIn("search", "feed", "sidebar", "article_inline", "video_preroll");
            assertThat(f[4]).isIn("mobile", "desktop", "tablet");
            assertThat(Integer.parseInt(f[5])).isBetween(0, 23);
            assertThat(f[6]).isIn("mon", "tue", "wed", "thu", "fri", "sat", "sun");
            assertThat(f[7]).isIn("300x250", "728x90", "320x50", "160x600", "336x280");
            assertThat(f[8]).matches("\\d+\\.\\d\\d");
            assertThat(Double.parseDouble(f[8])).isPositive();
            assertThat(f[9]).matches("0\\.\\d{4}");
            assertThat(Double.parseDouble(f[9])).isStrictlyBetween(0.0, 1.0);
            // By hand from the word lists: shortest "Get 5G plans" (12), longest
            // "Top rated last minute trips trusted by millions - Up to 50% off" (63).
            assertThat(Integer.parseInt(f[10])).isBetween(12, 63);
            assertThat(f[11]).isIn("0", "1");
            assertThat(f[12]).isEqualTo("images/" + adId + ".png");
            assertThat(f[13]).isIn("0", "1");
            clicks += f[13].equals("1") ? 1 : 0;

            Path png = dataset.directory().resolve(f[12]);
            assertThat(png).isRegularFile();
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image.getWidth() + "x" + image.getHeight()).isEqualTo(f[7]);
        }
        assertThat(dataset.rows()).isEqualTo(rows);
        assertThat(dataset.clicks()).isEqualTo(clicks);
        assertThat(dataset.directory()).isEqualTo(temp.resolve("out").toAbsolutePath().normalize());
        assertThat(fileNames(dataset.directory())).containsExactly("README.md", "ads.csv", "images");
    }

    @Test
    void theCsvWritesEachAdsValues() throws IOException {
        DemoDatasetGenerator generator = new DemoDatasetGenerator(30, 8);
        DemoDataset dataset = generator.write(temp.resolve("out"), ProgressListener.NONE, Cancellation.NEVER);
        List<String> lines = Files.readAllLines(dataset.csv());
        List<DemoAd> ads = generator.ads();
        for (int i = 0; i < ads.size(); i++) {
            DemoAd ad = ads.get(i);
            String[] f = lines.get(i + 1).split(",");
            assertThat(f[1]).isEqualTo(ad.category().csvName());
            assertThat(f[7]).isEqualTo(ad.bannerSize().label());
            assertThat(Double.parseDouble(f[8])).isEqualTo(ad.bidPriceUsd());
            assertThat(Double.parseDouble(f[9])).isEqualTo(ad.historicalCtr());
            assertThat(Integer.parseInt(f[10])).isEqualTo(ad.headline().length());
            assertThat(f[11]).isEqualTo(ad.headline().matches(".*(%|Half price).*") ? "1" : "0");
            assertThat(f[13]).isEqualTo(ad.clicked() ? "1" : "0");
        }
    }

    @Test
    void eachCampaignBelongsToOneCategoryAndThereAreAFewDozen() {
        Map<String, AdvertiserCategory> categoryOf = new HashMap<>();
        for (DemoAd ad : new DemoDatasetGenerator(5000, 1).ads()) {
            assertThat(categoryOf.computeIfAbsent(ad.campaignId(), id -> ad.category())).isEqualTo(ad.category());
        }
        assertThat(categoryOf.size()).isBetween(24, 60);
        assertThat(Set.copyOf(categoryOf.values())).containsExactlyInAnyOrder(AdvertiserCategory.values());
    }

    @Test
    void cancellingAfterAFewRowsLeavesNothingBehind() {
        AtomicInteger asked = new AtomicInteger();
        Cancellation afterFiveRows = () -> asked.incrementAndGet() > 5;
        Path out = temp.resolve("out");

        assertThatThrownBy(() -> new DemoDatasetGenerator(200, 1).write(out, ProgressListener.NONE, afterFiveRows))
                .isInstanceOf(CancellationException.class);

        assertThat(out).doesNotExist();
        assertThat(temp).isEmptyDirectory();
        assertThat(asked.get()).isLessThan(200);
    }

    @Test
    void cancellingAfterTheLastRowStillLeavesNothingBehind() {
        int rows = 10;
        AtomicInteger asked = new AtomicInteger();
        Path out = temp.resolve("out");

        assertThatThrownBy(() -> new DemoDatasetGenerator(rows, 1).write(out, ProgressListener.NONE,
                () -> asked.incrementAndGet() > rows)).isInstanceOf(CancellationException.class);

        assertThat(out).doesNotExist();
        assertThat(temp).isEmptyDirectory();
    }

    @Test
    void aFolderThatIsNotEmptyIsRefusedAndLeftAlone() throws IOException {
        Path out = Files.createDirectory(temp.resolve("taken"));
        Path mine = Files.writeString(out.resolve("mine.txt"), "keep me");

        assertThatThrownBy(() -> write(5, 1, out))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(out.toAbsolutePath().normalize().toString())
                .hasMessageContaining("not empty");

        assertThat(mine).hasContent("keep me");
        assertThat(fileNames(out)).containsExactly("mine.txt");
        assertThat(fileNames(temp)).containsExactly("taken");
    }

    @Test
    void anEmptyFolderIsFilledAndAFileIsRefused() throws IOException {
        Path empty = Files.createDirectory(temp.resolve("empty"));
        assertThat(write(3, 1, empty).csv()).isRegularFile();

        Path file = Files.writeString(temp.resolve("file"), "x");
        assertThatThrownBy(() -> write(3, 1, file)).isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void rowsMustBePositive() {
        assertThatThrownBy(() -> new DemoDatasetGenerator(0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows");
    }

    @Test
    void progressCountsRowsUpToAllOfThem() throws IOException {
        int rows = 25;
        List<Progress> reports = Collections.synchronizedList(new ArrayList<>());
        new DemoDatasetGenerator(rows, 4).write(temp.resolve("out"), reports::add, Cancellation.NEVER);

        assertThat(reports).hasSizeGreaterThanOrEqualTo(rows);
        assertThat(reports).allSatisfy(p -> assertThat(p.total()).isEqualTo(rows));
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i).done()).isGreaterThanOrEqualTo(reports.get(i - 1).done());
        }
        assertThat(reports.get(0).done()).isEqualTo(1);
        assertThat(reports.get(reports.size() - 1).done()).isEqualTo(rows);
    }

    @Test
    void theReadmeSaysWhatTheDataAreAndHowToRegenerateThem() throws IOException {
        DemoDataset dataset = write(300, 77, temp.resolve("out"));
        String readme = Files.readString(dataset.directory().resolve("README.md"));
        assertThat(readme)
                .contains("SYNTHETIC")
                .contains("workbench demo-data --out DIR --rows 300 --seed 77")
                .contains("Oracle AUC with the visual terms")
                .contains("| Clicks | " + dataset.clicks() + " |")
                .doesNotContain("{{");
        for (String column : HEADER) {
            assertThat(readme).contains("| `" + column + "` |");
        }
    }

    private DemoDataset write(int rows, long seed, Path out) throws IOException {
        return new DemoDatasetGenerator(rows, seed).write(out, ProgressListener.NONE, Cancellation.NEVER);
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
