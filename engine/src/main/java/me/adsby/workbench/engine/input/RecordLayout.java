package me.adsby.workbench.engine.input;

/**
 * The fixed-size record of one example in the prepared cache, little-endian: the label (float32), the row
 * number (int64), the numeric features (float32 each, NaN when missing), the categorical features (int32
 * each: an index into the cache's string table), then the pixels ({@code imageSize * imageSize * 3} bytes,
 * 0..255, RGB row-major channels last; none without an image column). Fixed size lets a reader reach any
 * example by its index, which a shuffled epoch needs.
 *
 * @param numeric     numeric features per example
 * @param categorical categorical features per example
 * @param pixelBytes  pixel bytes per example
 */
record RecordLayout(int numeric, int categorical, int pixelBytes) {

    static final int LABEL = 0;
    static final int ROW = 4;
    static final int NUMERIC = 12;

    RecordLayout {
        if (numeric < 0 || categorical < 0 || pixelBytes < 0) {
            throw new IllegalArgumentException("negative record part");
        }
    }

    static RecordLayout of(FeatureSpec spec) {
        int pixels = spec.hasImage() ? spec.imageSize() * spec.imageSize() * 3 : 0;
        return new RecordLayout(spec.numeric().size(), spec.categorical().size(), pixels);
    }

    int categoricalOffset() {
        return NUMERIC + 4 * numeric;
    }

    int pixelOffset() {
        return categoricalOffset() + 4 * categorical;
    }

    int bytes() {
        return pixelOffset() + pixelBytes;
    }
}
