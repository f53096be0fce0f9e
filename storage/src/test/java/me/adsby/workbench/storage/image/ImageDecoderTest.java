package me.adsby.workbench.storage.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobUri;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding: every flavour comes out as INT_RGB or INT_ARGB with the expected pixels; bad files fail clearly. */
class ImageDecoderTest {

    @TempDir
    Path temp;

    private FolderBlobStore store;
    private ImageDecoder decoder;

    @BeforeEach
    void setUp() {
        store = new FolderBlobStore(temp.resolve("gcs"));
        decoder = new ImageDecoder(uri -> store);
    }

    private BlobUri put(String name, byte[] bytes) throws IOException {
        return BlobUri.local(Files.write(temp.resolve(name), bytes));
    }

    @Test
    void jpegDecodesToIntRgb() throws IOException {
        BlobUri uri = put("red.jpg", TestImages.jpeg(TestImages.filled(300, 250, new Color(200, 40, 40))));

        BufferedImage image = decoder.decode(uri);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(250);
        assertNear(image.getRGB(150, 125), 0xFF, 200, 40, 40, 4); // JPEG is lossy: a few levels off
    }

    @Test
    void greyPngKeepsItsValues() throws IOException {
        BlobUri uri = put("grey.png", TestImages.handPng(3, 2, 8, 0, TestImages.rows(3, 2, 100)));

        BufferedImage image = decoder.decode(uri);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getRGB(2, 1)).isEqualTo(0xFF646464); // 100 = 0x64 in each channel
    }

    @Test
    void sixteenBitGreyIsScaledTo8Bits() throws IOException {
        // 0x8000 * 255 / 65535 = 127.502 -> 128 = 0x80
        BlobUri uri = put("grey16.png", TestImages.handPng(3, 2, 16, 0, TestImages.rows(3, 2, 0x8000)));

        assertThat(decoder.decode(uri).getRGB(0, 0)).isEqualTo(0xFF808080);
    }

    @Test
    void greyWithAlphaKeepsBoth() throws IOException {
        BlobUri uri = put("grey-alpha.png", TestImages.handPng(3, 2, 8, 4, TestImages.rows(3, 2, 100, 128)));

        BufferedImage image = decoder.decode(uri);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(image.getRGB(1, 1)).isEqualTo(0x80646464);
    }

    @Test
    void sixteenBitRgbIsScaledTo8Bits() throws IOException {
        // red 0x8000 -> 128, green 0 -> 0, blue 0xFFFF -> 255
        BlobUri uri = put("rgb16.png", TestImages.handPng(3, 2, 16, 2, TestImages.rows(3, 2, 0x8000, 0, 0xFFFF)));

        BufferedImage image = decoder.decode(uri);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getRGB(2, 0)).isEqualTo(0xFF8000FF);
    }

    @Test
    void rgbaKeepsPartialAlphaExactly() throws IOException {
        BlobUri uri = put("rgba.png", TestImages.handPng(3, 2, 8, 6, TestImages.rows(3, 2, 10, 20, 30, 40)));

        BufferedImage image = decoder.decode(uri);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(image.getRGB(0, 1)).isEqualTo(0x280A141E); // alpha 40, then 10, 20, 30
    }

    @Test
    void paletteWithAndWithoutTransparency() throws IOException {
        BlobUri opaque = put("palette.png", TestImages.palettePng(3, 2, 255));
        BlobUri translucent = put("palette-alpha.png", TestImages.palettePng(3, 2, 77));

        BufferedImage solid = decoder.decode(opaque);
        BufferedImage seeThrough = decoder.decode(translucent);

        assertThat(solid.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(solid.getRGB(2, 1)).isEqualTo(0xFF0A141E);
        assertThat(seeThrough.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(seeThrough.getRGB(2, 1)).isEqualTo(0x4D0A141E); // 77 = 0x4D
    }

    @Test
    void cmykJpegBecomesRgb() throws IOException {
        // Full cyan ink, no black: R = 255 * (1 - C) * (1 - K) = 0, G = 255 * (1 - M) * (1 - K) = 255, B = 255
        BlobUri uri = put("cyan.jpg", TestImages.cmykJpeg(64, 48, 255, 0, 0, 0));

        BufferedImage image = decoder.decode(uri);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getWidth()).isEqualTo(64);
        assertNear(image.getRGB(30, 20), 0xFF, 0, 255, 255, 3);
    }

    @Test
    void subsamplingKeepsAtLeastTheAskedEdge() throws IOException {
        BlobUri uri = put("big.png", TestImages.png(TestImages.halves(1000, 600)));

        ImageDecoder.Decoded decoded = decoder.decode(uri, 320);

        // step = 1000 / 320 = 3: ceil(1000 / 3) = 334 by ceil(600 / 3) = 200
        assertThat(decoded.width()).isEqualTo(1000);
        assertThat(decoded.height()).isEqualTo(600);
        assertThat(decoded.image().getWidth()).isEqualTo(334);
        assertThat(decoded.image().getHeight()).isEqualTo(200);
        assertThat(decoded.image().getRGB(10, 100)).isEqualTo(0xFFFF0000);
        assertThat(decoded.image().getRGB(320, 100)).isEqualTo(0xFF0000FF);
    }

    @Test
    void truncatedJpegFailsNamingTheUri() throws IOException {
        byte[] jpeg = TestImages.jpeg(TestImages.noise(200, 150, 1));
        BlobUri uri = put("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2));

        assertThatThrownBy(() -> decoder.decode(uri)).isInstanceOf(IOException.class)
                .hasMessageContaining(uri.toString()).hasMessageContaining("truncated");
    }

    @Test
    void textNamedPngFailsNamingTheUri() throws IOException {
        BlobUri uri = put("notes.png", TestImages.text("hello"));

        assertThatThrownBy(() -> decoder.decode(uri)).isInstanceOf(IOException.class)
                .hasMessage("Cannot decode image " + uri + ": not a JPEG or PNG image");
    }

    @Test
    void pngWithACorruptBodyFailsNamingTheUri() throws IOException {
        byte[] png = TestImages.handPng(4, 4, 8, 2, TestImages.rows(4, 4, 1, 2, 3));
        int idatData = 8 + 25 + 8; // signature, IHDR chunk, then the IDAT's length and type
        Arrays.fill(png, idatData, idatData + 6, (byte) 0x5A); // not a zlib stream any more

        BlobUri uri = put("corrupt.png", png);

        assertThatThrownBy(() -> decoder.decode(uri)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("Cannot decode image " + uri + ": ");
    }

    @Test
    void hugeHeaderIsRefusedBeforeDecoding() throws IOException {
        BlobUri uri = put("huge.png", TestImages.handPng(20_000, 20_000, 8, 2, null));

        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> decoder.decode(uri)).isInstanceOfSatisfying(ImageTooLargeException.class, e -> {
                    assertThat(e.width()).isEqualTo(20_000);
                    assertThat(e.height()).isEqualTo(20_000);
                    assertThat(e).hasMessageContaining(uri.toString());
                }));
    }

    @Test
    void missingObjectIsNotFound() {
        BlobUri uri = BlobUri.local(temp.resolve("none.jpg"));

        assertThatThrownBy(() -> decoder.decode(uri)).isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining(uri.toString());
    }

    @Test
    void datasetDecodeRefusesReferencesOutsideTheRoot() throws IOException {
        Path root = Files.createDirectories(temp.resolve("ads"));
        put("secret.png", TestImages.png(TestImages.filled(2, 2, Color.RED)));
        DatasetImages images = DatasetImages.of(BlobUri.local(root), store);

        assertThatThrownBy(() -> images.decode("../secret.png")).isInstanceOf(IOException.class)
                .hasMessageContaining("'../secret.png'").hasMessageContaining("leaves the dataset's folder");
        assertThat(store.wholeOpens.get()).isZero();
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> new ImageDecoder(uri -> store, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertNear(int argb, int alpha, int red, int green, int blue, int tolerance) {
        assertThat(argb >>> 24).isEqualTo(alpha);
        assertThat((argb >> 16) & 0xFF).as("red").isCloseTo(red, org.assertj.core.data.Offset.offset(tolerance));
        assertThat((argb >> 8) & 0xFF).as("green").isCloseTo(green, org.assertj.core.data.Offset.offset(tolerance));
        assertThat(argb & 0xFF).as("blue").isCloseTo(blue, org.assertj.core.data.Offset.offset(tolerance));
    }
}
