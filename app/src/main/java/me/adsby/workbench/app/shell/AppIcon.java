package me.adsby.workbench.app.shell;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javax.imageio.ImageIO;

/**
 * Workbench's icon, drawn with Java2D at any size: a ROC curve bowing above the chance diagonal, with the
 * chosen operating point, on a blue tile. The window uses it, and the installers' build writes it as PNG
 * (Linux), ICO (Windows) and ICNS (macOS) with {@link #main}.
 */
public final class AppIcon {

    private static final Color TILE_TOP = new Color(0x2f, 0x80, 0xed);
    private static final Color TILE_BOTTOM = new Color(0x0b, 0x2e, 0x6f);
    private static final Color POINT = new Color(0xff, 0x9f, 0x1c);

    private AppIcon() {
    }

    /** The icon as a square ARGB image of {@code size} pixels. */
    public static BufferedImage paint(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            double s = size;
            double margin = s * 0.04;
            double tile = s - 2 * margin;
            g.setPaint(new GradientPaint(0, (float) margin, TILE_TOP, 0, (float) (margin + tile), TILE_BOTTOM));
            g.fill(new RoundRectangle2D.Double(margin, margin, tile, tile, tile * 0.36, tile * 0.36));

            // The plot's frame: from (left, bottom) to (right, top).
            double left = s * 0.22;
            double bottom = s * 0.78;
            double right = s * 0.78;
            double top = s * 0.22;
            double width = right - left;
            double height = bottom - top;

            float axis = (float) Math.max(1, s * 0.035);
            g.setColor(new Color(255, 255, 255, 150));
            g.setStroke(new BasicStroke(axis, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D frame = new Path2D.Double();
            frame.moveTo(left, top);
            frame.lineTo(left, bottom);
            frame.lineTo(right, bottom);
            g.draw(frame);

            if (size >= 32) {
                float dash = (float) (s * 0.045);
                g.setStroke(new BasicStroke(axis * 0.7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {dash, dash}, 0f));
                g.draw(new java.awt.geom.Line2D.Double(left, bottom, right, top));
            }

            // A ROC curve: true positive rate = 1 - (1 - fpr)^3.
            Path2D curve = new Path2D.Double();
            curve.moveTo(left, bottom);
            int steps = 64;
            for (int i = 1; i <= steps; i++) {
                double fpr = (double) i / steps;
                double tpr = 1 - Math.pow(1 - fpr, 3);
                curve.lineTo(left + fpr * width, bottom - tpr * height);
            }
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke((float) Math.max(1.5, s * 0.07), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(curve);

            double fpr = 0.2;
            double tpr = 1 - Math.pow(1 - fpr, 3);
            double radius = Math.max(1.5, s * 0.075);
            double cx = left + fpr * width;
            double cy = bottom - tpr * height;
            g.setColor(POINT);
            g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke((float) Math.max(1, s * 0.02)));
            g.draw(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The icon as PNG bytes. */
    public static byte[] png(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(paint(size), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The window's icons, in the sizes that window managers pick from. */
    public static List<Image> fxImages() {
        List<Image> images = new ArrayList<>();
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            images.add(new Image(new ByteArrayInputStream(png(size))));
        }
        return images;
    }

    /** A Windows icon: PNG images in an ICO container (readable since Windows Vista). */
    static byte[] ico(int... sizes) {
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) {
            images.add(png(size));
        }
        int headerSize = 6 + 16 * sizes.length;
        int total = headerSize + images.stream().mapToInt(image -> image.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = headerSize;
        for (int i = 0; i < sizes.length; i++) {
            int dimension = sizes[i] >= 256 ? 0 : sizes[i];
            out.put((byte) dimension).put((byte) dimension).put((byte) 0).put((byte) 0);
            out.putShort((short) 1).putShort((short) 32).putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(out::put);
        return out.array();
    }

    /** A macOS icon: PNG images in an ICNS container, as {@code ic07} (128), {@code ic08} (256), {@code ic09} (512). */
    static byte[] icns() {
        String[] types = {"ic07", "ic08", "ic09"};
        int[] sizes = {128, 256, 512};
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) {
            images.add(png(size));
        }
        int total = 8 + images.stream().mapToInt(image -> 8 + image.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
        out.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(total);
        for (int i = 0; i < types.length; i++) {
            out.put(types[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + images.get(i).length);
            out.put(images.get(i));
        }
        return out.array();
    }

    /** Writes {@code workbench.png} (512 px), {@code workbench.ico} and {@code workbench.icns} into the folder. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: AppIcon OUTPUT_FOLDER");
        }
        Path folder = Files.createDirectories(Path.of(args[0]));
        Files.write(folder.resolve("workbench.png"), png(512));
        Files.write(folder.resolve("workbench.ico"), ico(16, 24, 32, 48, 64, 256));
        Files.write(folder.resolve("workbench.icns"), icns());
    }
}
