package me.adsby.workbench.storage.dataset.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.GcsBlobStore;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.ProblemLog;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.TestCsv;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import me.adsby.workbench.storage.image.DatasetImages;
import me.adsby.workbench.storage.image.ImageDecoder;
import me.adsby.workbench.storage.image.ImageFacts;
import me.adsby.workbench.storage.image.ImageStatus;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

class ValidatorImagesTest {

    /** The pixel limit of these tests: the 4 x 3 image is under it, the 20 x 20 one over it. */
    private static final long MAX_PIXELS = 100;

    @TempDir
    Path temp;

    private final LocalBlobStore local = new LocalBlobStore();

    @Test
    void everyUnusableImageIsABadRowWithItsLine() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("ds/images"));
        Path outside = Files.write(temp.resolve("outside.png"), png(4, 3));
        Files.write(folder.resolve("ok.png"), png(4, 3));
        Files.writeString(folder.resolve("garbage.png"), "not an image at all");
        Files.write(folder.resolve("big.png"), png(20, 20));
        Files.createSymbolicLink(folder.resolve("link.png"), outside);
        Files.createSymbolicLink(folder.resolve("inner.png"), folder.resolve("ok.png"));
        Path csv = Files.writeString(temp.resolve("ds/ads.csv"), String.join("\n",
                "ad_id,image,clicked",      // line 1
                "a1,images/ok.png,1",       // 2: fine
                "a2,images/missing.png,0",  // 3: no such file
                "a3,images/garbage.png,1",  // 4: text bytes named .png
                "a4,images/big.png,0",      // 5: 400 pixels, over the limit of 100
                "a5,../outside.png,1",      // 6: leaves the folder by its path
                "a6,images/link.png,0",     // 7: a link inside images/ whose target is outside
                "a7,images/inner.png,1",    // 8: a link to an image inside: fine
                "a8,,0",                    // 9: no image: not a problem
                "a9,images/ok.png",         // 10: two fields: bad before its image is looked at
                ""));

        ValidationReport report = validateLocal(csv);

        String root = folder.getParent().toString();
        assertThat(report.problems()).extracting(RowProblem::toString).containsExactly(
                csv + ":3: image 'images/missing.png' (" + root + "/images/missing.png): no such file or object",
                csv + ":4: image 'images/garbage.png' (" + root + "/images/garbage.png): not a JPEG or PNG image",
                csv + ":5: image 'images/big.png' (" + root + "/images/big.png): 20 x 20 pixels (0.0 megapixels)"
                        + " is over the limit of 0.0 megapixels",
                csv + ":6: image '../outside.png' leaves the dataset's folder " + root,
                csv + ":7: image 'images/link.png' (" + root + "/images/link.png) leads to " + outside.toRealPath()
                        + " (symbolic links followed), outside the dataset's folder " + root,
                csv + ":10: expected 3 fields, found 2");
        // 9 rows: 1 with two fields and 5 with an unusable image are bad; lines 2, 8 and 9 are good.
        assertThat(report.rowsRead()).isEqualTo(9);
        assertThat(report.goodRows()).isEqualTo(3);
        assertThat(report.badRows()).isEqualTo(6);
        assertThat(report.problemCounts()).isEqualTo(Map.of(ProblemKind.IMAGE_MISSING, 1L,
                ProblemKind.IMAGE_UNDECODABLE, 1L, ProblemKind.IMAGE_TOO_LARGE, 1L,
                ProblemKind.IMAGE_OUTSIDE_ROOT, 2L, ProblemKind.WRONG_FIELD_COUNT, 1L));
        assertThat(report.complete()).isTrue();
        assertThat(report.valid()).isFalse();
    }

    @Test
    void trainingAndValidationShareTheRuleOfLinks() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("ds/images"));
        Path outside = Files.write(temp.resolve("outside.png"), png(4, 3));
        Files.createSymbolicLink(folder.resolve("link.png"), outside);
        DatasetImages images = DatasetImages.of(BlobUri.local(folder.getParent()), local);

        // Lexically the link is inside: resolve alone lets it through; locate, probe and decode refuse it.
        assertThat(images.resolve("images/link.png").status()).isEqualTo(ImageStatus.OK);
        assertThat(images.locate("images/link.png").status()).isEqualTo(ImageStatus.OUTSIDE_ROOT);
        assertThat(images.probe("images/link.png").status()).isEqualTo(ImageStatus.OUTSIDE_ROOT);
        assertThatThrownBy(() -> images.decode(images.resolve("images/link.png")))
                .isInstanceOf(IOException.class).hasMessageContaining("outside the dataset's folder");
    }

    @Test
    void aDatasetReachedThroughALinkKeepsItsImages() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real/images"));
        Files.write(real.resolve("ok.png"), png(4, 3));
        Path linked = Files.createSymbolicLink(temp.resolve("linked"), real.getParent());
        DatasetImages images = DatasetImages.of(BlobUri.local(linked), local);

        // The folder's own real path is the bound, so the image (real/images/ok.png) is inside it.
        ImageFacts facts = images.probe("images/ok.png");
        assertThat(facts.status()).as(facts.problem()).isEqualTo(ImageStatus.OK);
    }

    @Test
    void aHeaderOnlyFileHasNoRows() throws IOException {
        String text = "ad_id,clicked\n";
        ValidationReport report = Validator.validate(TestCsv.text("h.csv", text), schema("ad_id,clicked\na1,1\n"),
                ProgressListener.NONE, Cancellation.NEVER);

        assertThat(report.problems()).extracting(RowProblem::toString)
                .containsExactly("h.csv:1: no rows: the file has a header and nothing else");
        assertThat(report.problemCounts()).isEqualTo(Map.of(ProblemKind.NO_ROWS, 1L));
        assertThat(report.rowsRead()).isZero();
        assertThat(report.valid()).isFalse();
    }

    @Test
    void anEmptyFileHasNoRows() throws IOException {
        ValidationReport report = Validator.validate(TestCsv.text("e.csv", ""), schema("ad_id,clicked\na1,1\n"),
                ProgressListener.NONE, Cancellation.NEVER);

        assertThat(report.problems()).extracting(RowProblem::toString)
                .containsExactly("e.csv:1: no rows: the file is empty (a header line and rows are needed)");
        assertThat(report.problemCounts()).isEqualTo(Map.of(ProblemKind.NO_ROWS, 1L));
        assertThat(report.valid()).isFalse();
    }

    @Test
    void imagesOfADatasetInGcsAreCheckedToo() throws IOException {
        try (GcsTestServer server = GcsTestServer.start(); GcsBlobStore gcs = new GcsBlobStore(server.options())) {
            server.createBucket("ads");
            server.putObject("ads", "2026/ads.csv", String.join("\n",
                    "ad_id,image,clicked",      // line 1
                    "a1,images/ok.png,1",       // 2: fine
                    "a2,images/missing.png,0",  // 3: no such object
                    "a3,images/garbage.png,1",  // 4: text bytes
                    "a4,../x.png,0",            // 5: leaves 2026/
                    "").getBytes(StandardCharsets.UTF_8), "text/csv");
            server.putObject("ads", "2026/images/ok.png", png(4, 3), "image/png");
            server.putObject("ads", "2026/images/garbage.png", "garbage".getBytes(StandardCharsets.UTF_8), "image/png");
            server.putObject("ads", "x.png", png(4, 3), "image/png");
            BlobUri csv = BlobUri.parse("gs://ads/2026/ads.csv");
            Schema schema = Datasets.inferSchema(gcs, csv);

            ValidationReport report = Datasets.validate(gcs, csv, schema, DatasetImages.of(csv.parent(), gcs),
                    ProgressListener.NONE, Cancellation.NEVER);

            assertThat(report.problems()).extracting(RowProblem::line).containsExactly(3L, 4L, 5L);
            assertThat(report.problems().get(0).toString()).isEqualTo("gs://ads/2026/ads.csv:3: image "
                    + "'images/missing.png' (gs://ads/2026/images/missing.png): no such file or object");
            assertThat(report.problemCounts()).isEqualTo(Map.of(ProblemKind.IMAGE_MISSING, 1L,
                    ProblemKind.IMAGE_UNDECODABLE, 1L, ProblemKind.IMAGE_OUTSIDE_ROOT, 1L));
            assertThat(report.goodRows()).isEqualTo(1);
        }
    }

    @Test
    void detailsAreBoundedAndInFileOrderButAllAreCounted() throws IOException {
        StringBuilder text = new StringBuilder("ad_id,image,clicked\n");
        for (int i = 0; i < 300; i++) {
            // Even rows (lines 2, 4, ...) have a missing image; odd ones (lines 3, 5, ...) have two fields.
            text.append(i % 2 == 0 ? "a" + i + ",images/none" + i + ".png,1\n" : "a" + i + ",x.png\n");
        }
        Path folder = Files.createDirectories(temp.resolve("many"));
        Path csv = Files.writeString(folder.resolve("ads.csv"), text);
        DatasetImages images = DatasetImages.of(BlobUri.local(folder), local);

        ValidationReport report = Validator.validate(CsvSource.of(local, BlobUri.local(csv)),
                schema("ad_id,image,clicked\na1,images/a.png,1\n"), images, 10, ProgressListener.NONE,
                Cancellation.NEVER);

        // The first 10 problems are lines 2..11, whichever pass found them; 300 are counted.
        assertThat(report.problems()).extracting(RowProblem::line)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(report.detailsLeftOut()).isEqualTo(290);
        assertThat(report.problemCounts()).isEqualTo(Map.of(ProblemKind.IMAGE_MISSING, 150L,
                ProblemKind.WRONG_FIELD_COUNT, 150L));
        assertThat(report.badRows()).isEqualTo(300);
    }

    @Test
    void aCancelledCheckStopsTheValidation() throws IOException {
        StringBuilder text = new StringBuilder("ad_id,image,clicked\n");
        for (int i = 0; i < 1000; i++) {
            text.append("a").append(i).append(",images/").append(i).append(".png,1\n");
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger probes = new AtomicInteger();
        // The first probe cancels: the reader, which waits for room among the probes in flight, then stops.
        me.adsby.workbench.storage.image.ImageProbe cancelling = reference -> {
            probes.incrementAndGet();
            cancelled.set(true);
            return new ImageFacts(ImageStatus.OK, 1, 1, 1, "");
        };

        assertThatThrownBy(() -> Validator.validate(TestCsv.text("c.csv", text.toString()),
                schema("ad_id,image,clicked\na1,images/a.png,1\n"), cancelling, ProblemLog.DEFAULT_MAX_DETAILS,
                ProgressListener.NONE, cancelled::get)).isInstanceOf(CancellationException.class);
        assertThat(probes.get()).isLessThan(1000);
    }

    private ValidationReport validateLocal(Path csv) throws IOException {
        BlobUri uri = BlobUri.local(csv);
        Schema schema = Datasets.inferSchema(local, uri);
        assertThat(schema.image()).isPresent();
        DatasetImages images = new DatasetImages(uri.parent(), new ImageDecoder(any -> local, MAX_PIXELS));
        return Datasets.validate(local, uri, schema, images, ProgressListener.NONE, Cancellation.NEVER);
    }

    private static Schema schema(String text) throws IOException {
        return Datasets.inferSchema(TestCsv.text("s.csv", text));
    }

    static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
