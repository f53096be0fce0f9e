package me.adsby.workbench.storage.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.awt.Color;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import me.adsby.workbench.storage.blob.BlobAccessDeniedException;
import me.adsby.workbench.storage.blob.BlobUri;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe over a corpus of good and bad images: each gives its exact status and a reason naming it. */
class DatasetImagesProbeTest {

    @TempDir
    Path temp;

    private Path root;
    private FolderBlobStore store;
    private DatasetImages images;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(temp.resolve("ads"));
        Files.createDirectories(root.resolve("images"));
        store = new FolderBlobStore(temp.resolve("gcs"));
        images = DatasetImages.of(BlobUri.local(root), store);
    }

    private Path put(String relative, byte[] bytes) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    @Test
    void goodJpegGivesItsSizeFromTheHeader() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.filled(300, 250, Color.RED));
        put("images/a.jpg", jpeg);

        assertThat(images.probe("images/a.jpg")).isEqualTo(new ImageFacts(ImageStatus.OK, 300, 250, jpeg.length, ""));
    }

    @Test
    void pngVariantsAreAllOk() throws IOException {
        put("grey.png", TestImages.handPng(3, 2, 8, 0, TestImages.rows(3, 2, 100)));
        put("grey16.png", TestImages.handPng(3, 2, 16, 0, TestImages.rows(3, 2, 0x8000)));
        put("grey-alpha.png", TestImages.handPng(3, 2, 8, 4, TestImages.rows(3, 2, 100, 128)));
        put("rgb16.png", TestImages.handPng(3, 2, 16, 2, TestImages.rows(3, 2, 0x8000, 0, 0xFFFF)));
        put("rgba.png", TestImages.handPng(3, 2, 8, 6, TestImages.rows(3, 2, 1, 2, 3, 4)));
        put("palette.png", TestImages.palettePng(3, 2, 255));
        put("palette-alpha.png", TestImages.palettePng(3, 2, 77));

        for (String name : new String[] {"grey.png", "grey16.png", "grey-alpha.png", "rgb16.png", "rgba.png",
                "palette.png", "palette-alpha.png"}) {
            ImageFacts facts = images.probe(name);
            assertThat(facts.status()).as(name + ": " + facts.problem()).isEqualTo(ImageStatus.OK);
            assertThat(facts.width()).as(name).isEqualTo(3);
            assertThat(facts.height()).as(name).isEqualTo(2);
        }
    }

    @Test
    void cmykJpegIsOk() throws IOException {
        put("cmyk.jpg", TestImages.cmykJpeg(64, 48, 255, 0, 0, 0));

        ImageFacts facts = images.probe("cmyk.jpg");

        assertThat(facts.status()).as(facts.problem()).isEqualTo(ImageStatus.OK);
        assertThat(facts.width()).isEqualTo(64);
        assertThat(facts.height()).isEqualTo(48);
    }

    @Test
    void missingFile() {
        ImageFacts facts = images.probe("images/none.png");

        assertThat(facts.status()).isEqualTo(ImageStatus.MISSING);
        assertThat(facts.problem()).contains("'images/none.png'").contains(root.resolve("images/none.png").toString());
        assertThat(facts.bytes()).isEqualTo(-1);
    }

    @Test
    void emptyFile() throws IOException {
        put("images/empty.jpg", new byte[0]);

        ImageFacts facts = images.probe("images/empty.jpg");

        assertThat(facts.status()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(facts.problem()).contains("'images/empty.jpg'").contains("empty");
        assertThat(facts.bytes()).isZero();
    }

    @Test
    void truncatedJpegWithAGoodHeader() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.noise(200, 150, 1));
        put("images/cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));

        ImageFacts facts = images.probe("images/cut.jpg");

        assertThat(facts.status()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(facts.problem()).contains("'images/cut.jpg'").contains("truncated");
        assertThat(facts.width()).isEqualTo(200);
        assertThat(facts.height()).isEqualTo(150);
    }

    @Test
    void truncatedPngWithAGoodHeader() throws IOException {
        byte[] png = TestImages.png(TestImages.noise(200, 150, 2));
        put("images/cut.png", Arrays.copyOf(png, png.length / 2));

        ImageFacts facts = images.probe("images/cut.png");

        assertThat(facts.status()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(facts.problem()).contains("'images/cut.png'").contains("truncated").contains("IEND");
    }

    @Test
    void bigTruncatedJpegIsJudgedFromItsTailAlone() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.noise(800, 600, 3));
        assertThat(jpeg.length).isGreaterThan(4 * ImageDecoder.HEADER_BYTES);
        put("images/cut-big.jpg", Arrays.copyOf(jpeg, jpeg.length - 1000));

        ImageFacts facts = images.probe("images/cut-big.jpg");

        assertThat(facts.status()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(facts.problem()).contains("truncated");
    }

    @Test
    void jpegCutInsideItsHeader() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.filled(40, 30, Color.GREEN));
        put("images/stub.jpg", Arrays.copyOf(jpeg, 100));

        ImageFacts facts = images.probe("images/stub.jpg");

        assertThat(facts.status()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(facts.problem()).contains("'images/stub.jpg'").contains("cannot read its header");
    }

    @Test
    void textFileNamedPng() throws IOException {
        put("images/notes.png", TestImages.text("these are not the pixels you are looking for\n"));

        ImageFacts facts = images.probe("images/notes.png");

        assertThat(facts.status()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(facts.problem()).contains("'images/notes.png'").contains("not a JPEG or PNG image");
    }

    @Test
    void otherFormatsAreNamed() throws IOException {
        put("images/a.gif", TestImages.encode(TestImages.filled(4, 4, Color.RED), "gif"));

        ImageFacts facts = images.probe("images/a.gif");

        assertThat(facts.status()).isEqualTo(ImageStatus.UNDECODABLE);
        assertThat(facts.problem()).contains("'images/a.gif'").contains("GIF").contains("only JPEG and PNG");
    }

    @Test
    void headerClaimingTwentyThousandSquareIsTooLargeAndNothingBigIsAllocated() throws IOException {
        put("images/huge.png", TestImages.handPng(20_000, 20_000, 8, 2, null));
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        images.probe("images/huge.png"); // warm the classes up
        long before = threads.getCurrentThreadAllocatedBytes();

        ImageFacts facts = images.probe("images/huge.png");

        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(facts.status()).isEqualTo(ImageStatus.TOO_LARGE);
        assertThat(facts.width()).isEqualTo(20_000);
        assertThat(facts.height()).isEqualTo(20_000);
        assertThat(facts.problem()).contains("'images/huge.png'").contains("20000 x 20000")
                .contains("400.0 megapixels").contains("limit of 50.0 megapixels");
        // Decoding would take 20000 * 20000 * 3 bytes = 1.2 GB; a header read takes about a 64 KiB buffer.
        assertThat(allocated).isLessThan(8L * 1024 * 1024);
    }

    @Test
    void pixelLimitIsConfigurableAndInclusive() throws IOException {
        put("40x25.png", TestImages.png(TestImages.filled(40, 25, Color.RED)));
        put("41x25.png", TestImages.png(TestImages.filled(41, 25, Color.RED)));
        DatasetImages strict = new DatasetImages(BlobUri.local(root), new ImageDecoder(uri -> store, 1000));

        assertThat(strict.probe("40x25.png").status()).isEqualTo(ImageStatus.OK);
        ImageFacts over = strict.probe("41x25.png");
        assertThat(over.status()).isEqualTo(ImageStatus.TOO_LARGE);
        assertThat(over.problem()).contains("41 x 25 pixels");
    }

    @Test
    void pathEscapingTheRootReadsNothing() {
        ImageFacts facts = images.probe("images/../../etc/passwd");

        assertThat(facts.status()).isEqualTo(ImageStatus.OUTSIDE_ROOT);
        assertThat(facts.problem()).contains("'images/../../etc/passwd'");
        assertThat(store.stats.get() + store.rangeOpens.get() + store.wholeOpens.get()).isZero();
    }

    @Test
    void emptyCell() {
        assertThat(images.probe(" ").status()).isEqualTo(ImageStatus.EMPTY);
    }

    @Test
    void storeFailureIsUnreadableWithItsMessage() throws IOException {
        put("images/a.png", TestImages.png(TestImages.filled(4, 4, Color.RED)));
        store.failure = new BlobAccessDeniedException("gs://b/a.png: 403 Forbidden; check the account's roles", null);

        ImageFacts facts = images.probe("images/a.png");

        assertThat(facts.status()).isEqualTo(ImageStatus.UNREADABLE);
        assertThat(facts.problem()).contains("'images/a.png'").contains("403 Forbidden");
    }

    @Test
    void readsOnlyTheHeaderAndTheTailOfABigImage() throws IOException {
        byte[] png = TestImages.png(TestImages.noise(800, 600, 4));
        assertThat(png.length).isGreaterThan(1_000_000);
        put("images/big.png", png);

        ImageFacts facts = images.probe("images/big.png");

        assertThat(facts).isEqualTo(new ImageFacts(ImageStatus.OK, 800, 600, png.length, ""));
        assertThat(store.wholeOpens.get()).isZero();
        assertThat(store.bytesServed.get()).isEqualTo(ImageDecoder.HEADER_BYTES + ImageEnds.TAIL_BYTES);
    }

    @Test
    void readsMoreWhenTheHeaderIsBehindLargeMetadata() throws IOException {
        // 3 segments of 60000 bytes put the frame header past 180000 bytes: 64 KiB, then 256 KiB are read.
        byte[] jpeg = TestImages.withPadding(TestImages.jpeg(TestImages.filled(120, 90, Color.BLUE)), 3, 60_000);
        put("images/padded.jpg", jpeg);

        ImageFacts facts = images.probe("images/padded.jpg");

        assertThat(facts).isEqualTo(new ImageFacts(ImageStatus.OK, 120, 90, jpeg.length, ""));
    }

    @Test
    void gcsReferencesGoToTheirOwnStore() throws IOException {
        FolderBlobStore gcs = new FolderBlobStore(temp.resolve("gcs"));
        Path object = temp.resolve("gcs/ads-bucket/img/a.png");
        Files.createDirectories(object.getParent());
        Files.write(object, TestImages.png(TestImages.filled(7, 5, Color.RED)));
        DatasetImages mixed = new DatasetImages(BlobUri.local(root), uri -> uri.isGcs() ? gcs : store);

        ImageFacts facts = mixed.probe("gs://ads-bucket/img/a.png");

        assertThat(facts.status()).as(facts.problem()).isEqualTo(ImageStatus.OK);
        assertThat(facts.width()).isEqualTo(7);
        assertThat(gcs.stats.get()).isEqualTo(1);
        assertThat(store.stats.get()).isZero();
    }

    @Test
    void probeIsSafeFromManyThreads() throws Exception {
        put("a.jpg", TestImages.jpeg(TestImages.filled(30, 20, Color.RED)));
        put("b.png", TestImages.png(TestImages.filled(20, 30, Color.BLUE)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<ImageFacts>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String name = i % 2 == 0 ? "a.jpg" : "b.png";
                results.add(pool.submit(() -> images.probe(name)));
            }
            for (int i = 0; i < results.size(); i++) {
                ImageFacts facts = results.get(i).get();
                assertThat(facts.status()).isEqualTo(ImageStatus.OK);
                assertThat(facts.width()).isEqualTo(i % 2 == 0 ? 30 : 20);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
