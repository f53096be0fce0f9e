package me.adsby.workbench.engine.input;

import java.util.List;
import java.util.Objects;

/**
 * Which columns of a dataset a model reads, and how: numeric features (raw numbers; the model normalises
 * them), categorical features (raw strings; the model hashes them), at most one image column (pixels resized
 * to {@code imageSize} x {@code imageSize}), and the binary label. Immutable.
 *
 * @param numeric     numeric feature columns, in model order
 * @param categorical categorical feature columns, in model order
 * @param image       the image column, or null when the model sees no image
 * @param label       the label column (0/1, true/false, yes/no)
 * @param imageSize   the side of the square the images are resized to, in pixels
 */
public record FeatureSpec(List<String> numeric, List<String> categorical, String image, String label, int imageSize) {

    public FeatureSpec {
        numeric = List.copyOf(numeric);
        categorical = List.copyOf(categorical);
        Objects.requireNonNull(label, "label");
        if (image != null && imageSize < 8) {
            throw new IllegalArgumentException("imageSize must be at least 8 pixels, was " + imageSize);
        }
        if (numeric.isEmpty() && categorical.isEmpty() && image == null) {
            throw new IllegalArgumentException("A model needs at least one feature");
        }
    }

    public boolean hasImage() {
        return image != null;
    }
}
