package me.adsby.workbench.storage.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import me.adsby.workbench.storage.blob.BlobUri;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailCacheTest {

    /** Bytes of a 160 x 133 INT_RGB thumbnail: 160 * 133 * 4. */
    private static final long THUMB_BYTES = 160 * 133 * 4;

    @TempDir
    Path temp;

    private Path images;
    private Path folder;
    private FolderBlobStore store;
    private ImageDecoder decoder;

    @BeforeEach
    void setUp() throws IOException {
        images = Files.createDirectories(temp.resolve("images"));
        folder = temp.resolve("cache/thumbnails");
        store = new FolderBlobStore(temp.resolve("gcs"));
        decoder = new ImageDecoder(uri -> store);
    }

    private BlobUri put(String name, BufferedImage image) throws IOException {
        return BlobUri.local(Files.write(images.resolve(name), TestImages.png(image)));
    }

    private ThumbnailCache cache() {
        return new ThumbnailCache(decoder, folder);
    }

    @Test
    void sizeKeepsTheAspectRoundingHalfUp() {
        // 250 * 160 / 300 = 133.33 -> 133; 100 * 160 / 321 = 49.84 -> 50; 1 * 160 / 1000 = 0.16 -> at least 1
        assertThat(ThumbnailCache.sizeFor(300, 250, 160)).containsExactly(160, 133);
        assertThat(ThumbnailCache.sizeFor(250, 300, 160)).containsExactly(133, 160);
        assertThat(ThumbnailCache.sizeFor(321, 100, 160)).containsExactly(160, 50);
        assertThat(ThumbnailCache.sizeFor(1000, 1, 160)).containsExactly(160, 1);
        // 3 * 160 / 64 = 7.5 -> 8 (half up)
        assertThat(ThumbnailCache.sizeFor(64, 3, 160)).containsExactly(64, 3);
        assertThat(ThumbnailCache.sizeFor(320, 15, 160)).containsExactly(160, 8);
        // smaller images are not enlarged
        assertThat(ThumbnailCache.sizeFor(100, 80, 160)).containsExactly(100, 80);
        assertThat(ThumbnailCache.sizeFor(160, 160, 160)).containsExactly(160, 160);
    }

    @Test
    void thumbnailKeepsAspectAndContent() throws IOException {
        BlobUri uri = put("halves.png", TestImages.halves(300, 250));

        BufferedImage thumbnail = cache().thumbnail(uri);

        assertThat(thumbnail.getWidth()).isEqualTo(160);
        assertThat(thumbnail.getHeight()).isEqualTo(133);
        assertThat(thumbnail.getRGB(20, 66)).isEqualTo(0xFFFF0000);
        assertThat(thumbnail.getRGB(140, 66)).isEqualTo(0xFF0000FF);
    }

    @Test
    void bigImageIsSubsampledThenScaled() throws IOException {
        BlobUri uri = put("big.png", TestImages.halves(2000, 1500));

        BufferedImage thumbnail = cache().thumbnail(uri);

        // 1500 * 160 / 2000 = 120
        assertThat(thumbnail.getWidth()).isEqualTo(160);
        assertThat(thumbnail.getHeight()).isEqualTo(120);
        assertThat(thumbnail.getRGB(10, 60)).isEqualTo(0xFFFF0000);
        assertThat(thumbnail.getRGB(150, 60)).isEqualTo(0xFF0000FF);
    }

    @Test
    void smoothScalingAveragesFinePatterns() throws IOException {
        // 1-pixel black and white stripes, 320 wide: a 160-wide thumbnail of a nearest-neighbour scaler would be
        // all black or all white; a smooth one is mid grey (127 or 128).
        BufferedImage stripes = new BufferedImage(320, 100, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 320; x += 2) {
            for (int y = 0; y < 100; y++) {
                stripes.setRGB(x, y, 0xFFFFFF);
            }
        }
        BlobUri uri = put("stripes.png", stripes);

        BufferedImage thumbnail = cache().thumbnail(uri);

        int grey = thumbnail.getRGB(80, 25) & 0xFF;
        assertThat(grey).isBetween(120, 135);
    }

    @Test
    void alphaSurvives() throws IOException {
        BlobUri uri = BlobUri.local(Files.write(images.resolve("rgba.png"),
                TestImages.handPng(400, 200, 8, 6, TestImages.rows(400, 200, 10, 20, 30, 40))));

        BufferedImage thumbnail = cache().thumbnail(uri);

        assertThat(thumbnail.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(thumbnail.getWidth()).isEqualTo(160);
        assertThat(thumbnail.getHeight()).isEqualTo(80);
        int argb = thumbnail.getRGB(80, 40);
        assertThat(argb >>> 24).isEqualTo(40);
        // Java2D filters premultiplied samples: at alpha 40 a channel comes back within 255 / 40 / 2 = 3.2 levels.
        assertThat((argb >> 16) & 0xFF).isBetween(10 - 4, 10 + 4);
        assertThat((argb >> 8) & 0xFF).isBetween(20 - 4, 20 + 4);
        assertThat(argb & 0xFF).isBetween(30 - 4, 30 + 4);
    }

    @Test
    void memoryHitReturnsTheSameInstance() throws IOException {
        BlobUri uri = put("a.png", TestImages.halves(300, 250));
        ThumbnailCache cache = cache();

        BufferedImage first = cache.thumbnail(uri);
        BufferedImage second = cache.thumbnail(uri);

        assertThat(second).isSameAs(first);
        assertThat(cache.counts()).isEqualTo(new ThumbnailCache.Counts(1, 0, 1));
        assertThat(store.wholeOpens.get()).isEqualTo(1);
    }

    @Test
    void diskCacheSurvivesANewCache() throws IOException {
        BlobUri uri = put("a.png", TestImages.halves(300, 250));
        BufferedImage made = cache().thumbnail(uri);

        ThumbnailCache fresh = cache();
        BufferedImage read = fresh.thumbnail(uri);

        assertThat(fresh.counts()).isEqualTo(new ThumbnailCache.Counts(0, 1, 0));
        assertThat(store.wholeOpens.get()).isEqualTo(1);
        assertThat(read.getType()).isEqualTo(made.getType());
        assertThat(pixels(read)).isEqualTo(pixels(made));
    }

    @Test
    void filesAreNamedByHashAndNoTemporaryFileStays() throws IOException {
        cache().thumbnail(put("a.png", TestImages.halves(300, 250)));

        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSize(1);
        Path file = folder.relativize(files.get(0));
        assertThat(file.toString()).matches("[0-9a-f]{2}/[0-9a-f]{64}\\.png");
        assertThat(file.getFileName().toString()).startsWith(file.getParent().toString());
    }

    @Test
    void changedFileMissesTheCache() throws IOException {
        BlobUri uri = put("a.png", TestImages.filled(300, 250, Color.RED));
        Path file = images.resolve("a.png");
        ThumbnailCache cache = cache();
        assertThat(cache.thumbnail(uri).getRGB(5, 5)).isEqualTo(0xFFFF0000);

        Files.write(file, TestImages.png(TestImages.filled(300, 250, Color.BLUE)));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));

        assertThat(cache.thumbnail(uri).getRGB(5, 5)).isEqualTo(0xFF0000FF);
        assertThat(cache().thumbnail(uri).getRGB(5, 5)).isEqualTo(0xFF0000FF);
        assertThat(cache.counts().decodes()).isEqualTo(2);
    }

    @Test
    void differentEdgesAreDifferentThumbnails() throws IOException {
        BlobUri uri = put("a.png", TestImages.halves(300, 250));

        cache().thumbnail(uri);
        BufferedImage small = new ThumbnailCache(decoder, folder, 60, ThumbnailCache.DEFAULT_MEMORY_BYTES).thumbnail(uri);

        // 250 * 60 / 300 = 50
        assertThat(small.getWidth()).isEqualTo(60);
        assertThat(small.getHeight()).isEqualTo(50);
    }

    @Test
    void memoryStaysWithinItsBoundEvictingTheLeastRecentlyUsed() throws IOException {
        ThumbnailCache cache = new ThumbnailCache(decoder, folder, 160, 3 * THUMB_BYTES);
        List<BlobUri> uris = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            uris.add(put(i + ".png", TestImages.filled(300, 250, new Color(i * 50, 0, 0))));
        }
        cache.thumbnail(uris.get(0));
        cache.thumbnail(uris.get(1));
        cache.thumbnail(uris.get(2));
        cache.thumbnail(uris.get(0)); // 0 is now the most recently used; 1 the least
        cache.thumbnail(uris.get(3));
        cache.thumbnail(uris.get(4));

        assertThat(cache.memoryCount()).isEqualTo(3);
        assertThat(cache.memoryBytes()).isEqualTo(3 * THUMB_BYTES);
        ThumbnailCache.Counts before = cache.counts();
        cache.thumbnail(uris.get(0));
        assertThat(cache.counts().memoryHits()).isEqualTo(before.memoryHits() + 1);
        cache.thumbnail(uris.get(1));
        assertThat(cache.counts().diskHits()).isEqualTo(before.diskHits() + 1);
        assertThat(cache.memoryBytes()).isLessThanOrEqualTo(3 * THUMB_BYTES);
    }

    @Test
    void zeroMemoryKeepsNothingInMemory() throws IOException {
        BlobUri uri = put("a.png", TestImages.halves(300, 250));
        ThumbnailCache cache = new ThumbnailCache(decoder, folder, 160, 0);

        cache.thumbnail(uri);
        cache.thumbnail(uri);

        assertThat(cache.memoryCount()).isZero();
        assertThat(cache.counts()).isEqualTo(new ThumbnailCache.Counts(0, 1, 1));
    }

    @Test
    void concurrentRequestsDecodeOnce() throws Exception {
        BlobUri uri = put("a.png", TestImages.halves(300, 250));
        store.openDelayMillis = 200;
        ThumbnailCache cache = cache();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<BufferedImage>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.thumbnail(uri);
                }));
            }
            start.countDown();
            BufferedImage first = results.get(0).get();
            for (Future<BufferedImage> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.wholeOpens.get()).isEqualTo(1);
        assertThat(cache.counts().decodes()).isEqualTo(1);
    }

    @Test
    void unreadableCacheFileIsMadeAgain() throws IOException {
        BlobUri uri = put("a.png", TestImages.halves(300, 250));
        cache().thumbnail(uri);
        Path file;
        try (Stream<Path> walk = Files.walk(folder)) {
            file = walk.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        Files.write(file, TestImages.text("garbage"));

        ThumbnailCache fresh = cache();
        BufferedImage thumbnail = fresh.thumbnail(uri);

        assertThat(thumbnail.getRGB(20, 66)).isEqualTo(0xFFFF0000);
        assertThat(fresh.counts().decodes()).isEqualTo(1);
        assertThat(Files.size(file)).isGreaterThan(7);
    }

    @Test
    void badImagesFailAndAreNotCached() throws IOException {
        BlobUri text = BlobUri.local(Files.write(images.resolve("notes.png"), TestImages.text("hello")));
        BlobUri huge = BlobUri.local(Files.write(images.resolve("huge.png"),
                TestImages.handPng(20_000, 20_000, 8, 2, null)));
        ThumbnailCache cache = cache();

        assertThatThrownBy(() -> cache.thumbnail(text)).isInstanceOf(IOException.class)
                .hasMessageContaining(text.toString());
        assertThatThrownBy(() -> cache.thumbnail(huge)).isInstanceOf(ImageTooLargeException.class);
        assertThatThrownBy(() -> cache.thumbnail(BlobUri.local(images.resolve("none.png"))))
                .isInstanceOf(IOException.class).hasMessageContaining("none.png");
        assertThat(cache.memoryCount()).isZero();
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void largeImageIsDecodedWhole() throws IOException {
        BlobUri uri = put("a.png", TestImages.halves(300, 250));

        BufferedImage large = cache().large(uri);

        assertThat(large.getWidth()).isEqualTo(300);
        assertThat(large.getHeight()).isEqualTo(250);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
