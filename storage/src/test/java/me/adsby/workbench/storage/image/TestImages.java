package me.adsby.workbench.storage.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Images made byte by byte for the tests: good ones in several PNG flavours, CMYK JPEGs, and broken ones. */
final class TestImages {

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private TestImages() {
    }

    static BufferedImage filled(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Left half red, right half blue. */
    static BufferedImage halves(int width, int height) {
        BufferedImage image = filled(width, height, Color.RED);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    /** Random pixels: they compress badly, so the file is big and its body long. */
    static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    /** A PNG with a 2-colour palette: index 0 is (0,0,0), index 1 is (10,20,30) with the given alpha. */
    static byte[] palettePng(int width, int height, int alphaOfSecond) {
        byte[] reds = {0, 10};
        byte[] greens = {0, 20};
        byte[] blues = {0, 30};
        byte[] alphas = {(byte) 255, (byte) alphaOfSecond};
        IndexColorModel palette = new IndexColorModel(8, 2, reds, greens, blues, alphas);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setSample(x, y, 0, 1);
            }
        }
        return png(image);
    }

    /**
     * A PNG built by hand: signature, IHDR, one IDAT of the given unfiltered scanlines (filter byte 0 added),
     * IEND, each chunk with its CRC. With {@code samples} null, no IDAT at all (a header only).
     *
     * @param colorType 0 grey, 2 RGB, 4 grey and alpha, 6 RGBA
     * @param samples   per scanline, the samples in order, each of bitDepth (8 or 16) bits
     */
    static byte[] handPng(int width, int height, int bitDepth, int colorType, int[][] samples) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PNG_SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13);
        header.putInt(width).putInt(height).put((byte) bitDepth).put((byte) colorType).put((byte) 0).put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", header.array());
        if (samples != null) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            for (int[] line : samples) {
                raw.write(0);
                for (int sample : line) {
                    if (bitDepth == 16) {
                        raw.write(sample >>> 8);
                    }
                    raw.write(sample & 0xFF);
                }
            }
            chunk(out, "IDAT", deflate(raw.toByteArray()));
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Every scanline the same: {@code pixel} repeated {@code width} times. */
    static int[][] rows(int width, int height, int... pixel) {
        int[][] rows = new int[height][width * pixel.length];
        for (int[] row : rows) {
            for (int x = 0; x < width; x++) {
                System.arraycopy(pixel, 0, row, x * pixel.length, pixel.length);
            }
        }
        return rows;
    }

    /**
     * A CMYK JPEG, as Photoshop writes them: an Adobe APP14 segment with transform 0 and inverted samples.
     * Every pixel has the given C, M, Y, K (0..255, 255 = full ink).
     */
    static byte[] cmykJpeg(int width, int height, int c, int m, int y, int k) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] inverted = {255 - c, 255 - m, 255 - y, 255 - k};
        for (int row = 0; row < height; row++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, row, inverted);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(raster, null, null), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        return insertAfterSoi(out.toByteArray(), adobe);
    }

    /** The JPEG with {@code count} APP15 segments of {@code size} bytes each before its other segments. */
    static byte[] withPadding(byte[] jpeg, int count, int size) {
        ByteArrayOutputStream segments = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            segments.write(0xFF);
            segments.write(0xEF);
            segments.write((size + 2) >>> 8);
            segments.write((size + 2) & 0xFF);
            segments.writeBytes(new byte[size]);
        }
        return insertAfterSoi(jpeg, segments.toByteArray());
    }

    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] insertAfterSoi(byte[] jpeg, byte[] inserted) {
        byte[] result = new byte[jpeg.length + inserted.length];
        System.arraycopy(jpeg, 0, result, 0, 2);
        System.arraycopy(inserted, 0, result, 2, inserted.length);
        System.arraycopy(jpeg, 2, result, 2 + inserted.length, jpeg.length - 2);
        return result;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
