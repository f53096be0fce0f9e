package me.adsby.workbench.engine.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws an ad's banner with Java2D: a flat background, an accent stripe on the left edge (and an accent disc
 * on tall banners, between the headline and the button), the headline in
 * black or white (whichever reads better on the background), and the call-to-action button, a rounded
 * rectangle in {@link DemoAd#ctaColour()} on whole-pixel edges, its label clipped to stay at least
 * {@link #LABEL_INSET} pixels inside it. So the button's inner pixels next to its left and right edges are
 * exactly the button's colour, and the pixels just outside it are exactly the background's. Stateless and
 * thread-safe; the same ad gives the same pixels, and ImageIO's PNG writer gives the same bytes for them.
 */
final class BannerRenderer {

    /** Label pixels stay this far inside the button's box, or more. */
    static final int LABEL_INSET = 3;
    private static final int MIN_FONT = 7;

    BufferedImage render(DemoAd ad) {
        BannerSize size = ad.bannerSize();
        BannerLayout layout = ad.layout();
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            fill(g, ad.background(), new PixelRect(0, 0, size.width(), size.height()));
            fill(g, ad.accent(), layout.stripe());
            g.setColor(awt(ad.accent()));
            for (PixelRect disc : layout.discs()) {
                g.fillOval(disc.x(), disc.y(), disc.width(), disc.height());
            }
            drawHeadline(g, ad, layout.headline(), size.isStrip());
            drawButton(g, ad, layout.cta());
        } finally {
            g.dispose();
        }
        return image;
    }

    void writePng(DemoAd ad, Path file) throws IOException {
        writePng(render(ad), file);
    }

    static void writePng(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("No PNG writer available for " + file);
        }
    }

    private static void fill(Graphics2D g, Rgb colour, PixelRect rect) {
        g.setColor(awt(colour));
        g.fillRect(rect.x(), rect.y(), rect.width(), rect.height());
    }

    private static void drawHeadline(Graphics2D g, DemoAd ad, PixelRect box, boolean strip) {
        int fontSize = (int) Math.round(strip ? box.height() * 0.40 : Math.min(34, box.width() * 0.13));
        Font font;
        FontMetrics metrics;
        List<String> lines;
        while (true) {
            font = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
            metrics = g.getFontMetrics(font);
            lines = wrap(ad.headline(), metrics, box.width());
            if (fontSize <= MIN_FONT || fits(lines, metrics, box)) {
                break;
            }
            fontSize--;
        }
        g.setClip(box.x(), box.y(), box.width(), box.height());
        g.setFont(font);
        g.setColor(awt(ad.background().readableText()));
        int lineHeight = metrics.getHeight();
        int top = strip ? box.y() + (box.height() - lineHeight * lines.size()) / 2 : box.y();
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), box.x(), top + metrics.getAscent() + i * lineHeight);
        }
        g.setClip(null);
    }

    private static boolean fits(List<String> lines, FontMetrics metrics, PixelRect box) {
        if (lines.size() * metrics.getHeight() > box.height()) {
            return false;
        }
        return lines.stream().allMatch(line -> metrics.stringWidth(line) <= box.width());
    }

    /** Greedy word wrap to a width; a word wider than the width gets a line of its own. */
    static List<String> wrap(String text, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && metrics.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static void drawButton(Graphics2D g, DemoAd ad, PixelRect cta) {
        g.setColor(awt(ad.ctaColour()));
        double arc = cta.height() * 0.5;
        g.fill(new RoundRectangle2D.Double(cta.x(), cta.y(), cta.width(), cta.height(), arc, arc));

        int padding = Math.max(LABEL_INSET + 1, cta.height() / 4);
        int fontSize = (int) Math.round(cta.height() * 0.45);
        Font font;
        FontMetrics metrics;
        while (true) {
            font = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
            metrics = g.getFontMetrics(font);
            if (fontSize <= MIN_FONT || metrics.stringWidth(ad.ctaLabel()) <= cta.width() - 2 * padding) {
                break;
            }
            fontSize--;
        }
        g.setClip(cta.x() + LABEL_INSET, cta.y() + LABEL_INSET, cta.width() - 2 * LABEL_INSET,
                cta.height() - 2 * LABEL_INSET);
        g.setFont(font);
        g.setColor(awt(ad.ctaColour().readableText()));
        int x = cta.x() + (cta.width() - metrics.stringWidth(ad.ctaLabel())) / 2;
        int baseline = cta.y() + (cta.height() - metrics.getHeight()) / 2 + metrics.getAscent();
        g.drawString(ad.ctaLabel(), x, baseline);
        g.setClip(null);
    }

    private static Color awt(Rgb colour) {
        return new Color(colour.red(), colour.green(), colour.blue());
    }
}
