package me.adsby.workbench.storage.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * Brings whatever a reader returns (palette, grey, grey with alpha, 16 bits per sample, 3-byte BGR) to
 * {@link BufferedImage#TYPE_INT_RGB}, or {@link BufferedImage#TYPE_INT_ARGB} when it has alpha, and scales.
 * Grey samples are copied as they are (a grey PNG's 100 becomes RGB 100,100,100), not through Java2D's
 * linear grey colour space, which would brighten them.
 */
final class RgbImages {

    private RgbImages() {
    }

    static BufferedImage toRgb(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) {
            return image;
        }
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            return greyToRgb(image);
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), typeFor(image));
        Graphics2D g = rgb.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    static long bytesOf(BufferedImage image) {
        DataBuffer buffer = image.getRaster().getDataBuffer();
        return (long) buffer.getSize() * buffer.getNumBanks() * DataBuffer.getDataTypeSize(buffer.getDataType()) / 8;
    }

    /**
     * Scales an RGB image down to {@code width x height} by halving bilinear steps while it is more than twice
     * as big, then one last bilinear step: close to area averaging in quality, at a fraction of its cost.
     */
    static BufferedImage scaleDown(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        // Halve while more than twice the target: a bilinear step reads 2 x 2 pixels, so it skips none up to 2:1.
        while (current.getWidth() > 2 * width || current.getHeight() > 2 * height) {
            current = drawScaled(current, Math.max(width, current.getWidth() / 2), Math.max(height, current.getHeight() / 2));
        }
        return current.getWidth() == width && current.getHeight() == height ? current : drawScaled(current, width, height);
    }

    private static BufferedImage drawScaled(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, typeFor(source));
        Graphics2D g = target.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static int typeFor(BufferedImage image) {
        return image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    private static BufferedImage greyToRgb(BufferedImage image) {
        Raster raster = image.getRaster();
        boolean alpha = image.getColorModel().hasAlpha();
        int width = image.getWidth();
        int height = image.getHeight();
        int greyMax = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        int alphaMax = alpha ? (1 << raster.getSampleModel().getSampleSize(1)) - 1 : 1;
        BufferedImage rgb = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] grey = new int[width];
        int[] alphas = new int[width];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, grey);
            if (alpha) {
                raster.getSamples(0, y, width, 1, 1, alphas);
            }
            for (int x = 0; x < width; x++) {
                int v = to8Bits(grey[x], greyMax);
                int a = alpha ? to8Bits(alphas[x], alphaMax) : 0xFF;
                row[x] = a << 24 | v << 16 | v << 8 | v;
            }
            rgb.setRGB(0, y, width, 1, row, 0, width);
        }
        return rgb;
    }

    private static int to8Bits(int sample, int max) {
        return max == 0xFF ? sample : (int) ((sample * 255L + max / 2) / max);
    }
}
