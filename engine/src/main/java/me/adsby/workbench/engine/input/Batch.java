package me.adsby.workbench.engine.input;

/**
 * A batch of examples laid out as the model's input tensors want them (row-major, raw values: the model's
 * graph does all preprocessing, so training and serving see the same inputs).
 *
 * <ul>
 *   <li>{@code numeric}: {@code size x numericCount} floats; a missing value is {@code NaN}.</li>
 *   <li>{@code categorical}: {@code size x categoricalCount} strings (row-major); a missing value is {@code ""}.</li>
 *   <li>{@code pixels}: {@code size x imageSize x imageSize x 3} floats in 0..255 (RGB, row-major, channels last),
 *       or an empty array without an image column; a missing image is all zeros.</li>
 *   <li>{@code labels}: {@code size} floats, 0 or 1.</li>
 *   <li>{@code rows}: each example's row number in the file (1 = the first data row), its key for predictions.</li>
 * </ul>
 *
 * Arrays are owned by the batch; do not change them.
 */
public record Batch(int size, float[] numeric, String[] categorical, float[] pixels, float[] labels, long[] rows) {

    public Batch {
        if (labels.length != size || rows.length != size) {
            throw new IllegalArgumentException("labels and rows must hold " + size + " values");
        }
        if (size > 0 && (numeric.length % size != 0 || categorical.length % size != 0 || pixels.length % size != 0)) {
            throw new IllegalArgumentException("feature arrays must hold a whole number of values per example");
        }
    }
}
