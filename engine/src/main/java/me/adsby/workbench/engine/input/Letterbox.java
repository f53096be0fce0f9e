package me.adsby.workbench.engine.input;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Fits an image into a {@code size x size} square, keeping its aspect: scaled so that its longer side is
 * {@code size}, centred, with black (0) bars on the shorter side's ends. Letterbox rather than centre-crop,
 * because ads put what matters (the call to action, the brand) anywhere, often at an end of a wide banner.
 * Scaling is bilinear, by halving steps while the image is more than twice the target, then one last step
 * (close to area averaging). Transparent pixels are composited over black. The result is RGB bytes (0..255),
 * row-major, channels last. Thread-safe (no state). Serving uses it too, so requests see the pixels training saw.
 */
public final class Letterbox {

    /** Names this method in the prepared cache's key: change it when the pixels it makes change. */
    public static final String METHOD = "letterbox-black-bilinear-halving-v1";

    private Letterbox() {
    }

    public static byte[] rgb(BufferedImage image, int size) {
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = Math.min((double) size / width, (double) size / height);
        int targetWidth = Math.max(1, Math.min(size, (int) Math.round(width * scale)));
        int targetHeight = Math.max(1, Math.min(size, (int) Math.round(height * scale)));
        BufferedImage scaled = scale(opaque(image), targetWidth, targetHeight);
        int left = (size - targetWidth) / 2;
        int top = (size - targetHeight) / 2;
        byte[] out = new byte[size * size * 3];
        int[] line = new int[targetWidth];
        for (int y = 0; y < targetHeight; y++) {
            scaled.getRGB(0, y, targetWidth, 1, line, 0, targetWidth);
            int at = ((top + y) * size + left) * 3;
            for (int x = 0; x < targetWidth; x++) {
                int rgb = line[x];
                out[at++] = (byte) (rgb >>> 16);
                out[at++] = (byte) (rgb >>> 8);
                out[at++] = (byte) rgb;
            }
        }
        return out;
    }

    /** An RGB image without alpha: transparent pixels over black. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static BufferedImage scale(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        while (current.getWidth() > 2 * width || current.getHeight() > 2 * height) {
            current = draw(current, Math.max(width, current.getWidth() / 2), Math.max(height, current.getHeight() / 2));
        }
        return current.getWidth() == width && current.getHeight() == height ? current : draw(current, width, height);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
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
}
