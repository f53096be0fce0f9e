package me.adsby.workbench.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/** A small dataset written by hand, so that every expected value can be worked out by hand. */
class HandmadeDatasetTest {

    private static final int SIZE = 8;
    private static final Color RED = new Color(200, 30, 40);
    private static final Color GREEN = new Color(10, 200, 90);

    // Line 1 is the header, so data row k starts on line k + 1.
    private static final String CSV = String.join("\n",
            "id,price,kind,image,clicked",
            "1,2.5,a,red.png,1",          // row 1, line 2: good
            "2,,b,wide.png,0",            // row 2, line 3: good, price missing (NaN)
            "3,4.5,,,yes",                // row 3, line 4: good, kind missing (""), image empty (zeros)
            "4,x,a,red.png,0",            // row 4, line 5: price is not a number
            "5,1.0,a,red.png",            // row 5, line 6: 4 fields, not 5
            "6,1.0,a,red.png,maybe",      // row 6, line 7: the label is not binary
            "7,1.0,a,gone.png,1",         // row 7, line 8: the image does not exist
            "8,1.0,a,../outside.png,1",   // row 8, line 9: the image leaves the dataset's folder
            "") ;

    private static final Schema SCHEMA = new Schema(List.of(
            new ColumnSchema("id", 0, ColumnType.INTEGER, ColumnRole.KEY),
            new ColumnSchema("price", 1, ColumnType.FLOAT, ColumnRole.FEATURE),
            new ColumnSchema("kind", 2, ColumnType.CATEGORICAL, ColumnRole.FEATURE),
            new ColumnSchema("image", 3, ColumnType.IMAGE, ColumnRole.IMAGE),
            new ColumnSchema("clicked", 4, ColumnType.BINARY, ColumnRole.LABEL)));

    private static final FeatureSpec SPEC = new FeatureSpec(List.of("price"), List.of("kind"), "image", "clicked", SIZE);

    /** Everything in training, so the statistics cover rows 1..3. */
    private static final SplitSettings ALL_TRAIN = new SplitSettings(null, 0, 1);

    @TempDir
    Path dir;

    private BlobUri csv;
    private Path cache;
    private final CountingStore store = new CountingStore();

    @BeforeEach
    void writeDataset() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        solid(data.resolve("red.png"), 20, 20, RED);
        solid(data.resolve("wide.png"), 40, 20, GREEN);
        solid(dir.resolve("outside.png"), 20, 20, RED);
        Path file = data.resolve("ads.csv");
        Files.writeString(file, CSV, StandardCharsets.UTF_8);
        csv = BlobUri.local(file);
        cache = dir.resolve("cache");
    }

    private static void solid(Path file, int width, int height, Color color) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private PreparedDataset prepare(ErrorPolicy policy) throws IOException {
        return new InputPipeline().prepare(uri -> store, csv, SCHEMA, SPEC, ALL_TRAIN, policy, cache,
                ProgressListener.NONE, Cancellation.NEVER);
    }

    private String at(int line) {
        return csv + ":" + line + ": ";
    }

    @Test
    void skipAndCountKeepsTheGoodRowsAndCountsEachBadOneWithItsLine() throws IOException {
        PreparedDataset dataset = prepare(ErrorPolicy.skipAndCount());

        assertThat(dataset.trainSize()).isEqualTo(3);
        assertThat(dataset.validationSize()).isZero();
        assertThat(dataset.badRowCounts()).isEqualTo(Map.of(
                BadRowKind.NOT_A_NUMBER, 1L, BadRowKind.WRONG_FIELD_COUNT, 1L,
                BadRowKind.LABEL_NOT_BINARY, 1L, BadRowKind.IMAGE_UNUSABLE, 2L));
        assertThat(dataset.badRows()).isEqualTo(5);
        List<String> problems = dataset.problems().stream().map(BadRow::toString).toList();
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).startsWith(at(5)).contains("price").contains("'x'");
        assertThat(problems.get(1)).isEqualTo(at(6) + "expected 5 fields, found 4");
        assertThat(problems.get(2)).startsWith(at(7)).contains("maybe");
        assertThat(problems.get(3)).startsWith(at(8)).contains("gone.png");
        assertThat(problems.get(4)).startsWith(at(9)).contains("outside.png");
        assertThat(dataset.missingImages()).isEqualTo(1);
    }

    @Test
    void valuesPixelsAndStatisticsAreTheHandWorkedOnes() throws IOException {
        PreparedDataset dataset = prepare(ErrorPolicy.skipAndCount());
        List<Batch> batches = Epochs.batches(dataset, Split.VALIDATION, 10, 0);
        assertThat(batches).isEmpty();
        // Training is shuffled: put the examples back in row order by their row numbers.
        Batch batch = Epochs.batches(dataset, Split.TRAIN, 10, 0).get(0);
        assertThat(batch.size()).isEqualTo(3);
        int[] slotOfRow = new int[4];
        for (int i = 0; i < 3; i++) {
            slotOfRow[(int) batch.rows()[i]] = i;
        }
        int r1 = slotOfRow[1];
        int r2 = slotOfRow[2];
        int r3 = slotOfRow[3];
        assertThat(batch.numeric()[r1]).isEqualTo(2.5f);
        assertThat(batch.numeric()[r2]).isNaN();
        assertThat(batch.numeric()[r3]).isEqualTo(4.5f);
        assertThat(batch.categorical()[r1]).isEqualTo("a");
        assertThat(batch.categorical()[r2]).isEqualTo("b");
        assertThat(batch.categorical()[r3]).isEmpty();
        assertThat(batch.labels()[r1]).isEqualTo(1f);
        assertThat(batch.labels()[r2]).isEqualTo(0f);
        assertThat(batch.labels()[r3]).isEqualTo(1f);

        int pixels = SIZE * SIZE * 3;
        assertThat(batch.pixels()).hasSize(3 * pixels);
        // red.png is square: every pixel of the 8 x 8 is (200, 30, 40).
        for (int p = 0; p < SIZE * SIZE; p++) {
            assertThat(pixel(batch, r1, p)).containsExactly(200f, 30f, 40f);
        }
        // wide.png is 40 x 20: scaled by min(8/40, 8/20) = 0.2 to 8 x 4, centred with (8 - 4) / 2 = 2 black rows
        // above and 2 below: rows 2..5 are (10, 200, 90), rows 0, 1, 6, 7 are black.
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                float[] expected = y >= 2 && y <= 5 ? new float[] {10, 200, 90} : new float[] {0, 0, 0};
                assertThat(pixel(batch, r2, y * SIZE + x)).as("pixel (%d, %d)", x, y).containsExactly(expected);
            }
        }
        // Row 3's image cell is empty: all zeros.
        for (int p = 0; p < SIZE * SIZE; p++) {
            assertThat(pixel(batch, r3, p)).containsExactly(0f, 0f, 0f);
        }

        // Prices of the training rows: 2.5, missing, 4.5: mean (2.5 + 4.5) / 2 = 3.5, deviations -1 and +1,
        // population variance (1 + 1) / 2 = 1, std 1.
        NumericStatistics price = dataset.numericStatistics().get(0);
        assertThat(price.column()).isEqualTo("price");
        assertThat(price.count()).isEqualTo(2);
        assertThat(price.mean()).isCloseTo(3.5, within(1e-12));
        assertThat(price.std()).isCloseTo(1.0, within(1e-12));
    }

    private static float[] pixel(Batch batch, int slot, int index) {
        int at = slot * SIZE * SIZE * 3 + index * 3;
        return new float[] {batch.pixels()[at], batch.pixels()[at + 1], batch.pixels()[at + 2]};
    }

    @Test
    void failFastStopsAtTheFirstBadRowAndLeavesNoCache() throws IOException {
        assertThatThrownBy(() -> prepare(ErrorPolicy.failFast()))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).toString()).startsWith(at(5));
                });
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void stopAfterThreeStopsAtTheThirdBadRow() {
        assertThatThrownBy(() -> prepare(ErrorPolicy.stopAfter(3)))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.problems()).extracting(BadRow::line).containsExactly(5L, 6L, 7L);
                    assertThat(e.getMessage()).contains(at(7));
                });
    }

    @Test
    void theSecondPreparationIsACacheHitThatDecodesNothing() throws IOException {
        PreparedDataset first = prepare(ErrorPolicy.skipAndCount());
        // red.png (rows 1), wide.png (row 2); row 7's gone.png is tried but does not exist.
        int opens = store.imageOpens();
        assertThat(first.cacheHit()).isFalse();
        assertThat(opens).isGreaterThanOrEqualTo(2);

        PreparedDataset second = prepare(ErrorPolicy.skipAndCount());
        assertThat(second.cacheHit()).isTrue();
        assertThat(store.imageOpens()).isEqualTo(opens);
        assertThat(second.cacheFile()).isEqualTo(first.cacheFile());
        assertThat(second.problems()).isEqualTo(first.problems());
        assertThat(cacheFiles()).containsExactly(first.cacheFile());
    }

    private List<Path> cacheFiles() throws IOException {
        if (!Files.exists(cache)) {
            return List.of();
        }
        try (var files = Files.list(cache)) {
            return files.toList();
        }
    }
}
