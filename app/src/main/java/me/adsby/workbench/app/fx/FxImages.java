package me.adsby.workbench.app.fx;

import java.awt.image.BufferedImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Turns decoded images into JavaFX images, without the Swing bridge. */
public final class FxImages {

    private FxImages() {
    }

    /** Copies the pixels as ARGB; call off the FX thread for large images (it is a plain copy). */
    public static Image toFx(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        WritableImage result = new WritableImage(width, height);
        result.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return result;
    }
}
