package me.adsby.workbench.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.FeatureSpec;

/**
 * Generated examples with a known signal, for the model tests.
 *
 * <p>Each example has 2 numeric columns ({@code x0} carries signal, {@code x1} is noise and 10% missing),
 * 2 categorical columns ({@code c0} carries signal, one of 5 values; {@code c1} is noise, sometimes ""), and
 * an image: a dark noisy square with one bright patch a quarter of its side wide, anywhere, warm (red over blue)
 * or cool (blue over red) at random, of the same mean brightness. The click logit is
 * {@code tabularWeight * (1.5 x0 + effect(c0)) + visualWeight * (warm patch ? 1 : -1)}. The signal is the patch's
 * colour, not its place: the image tower pools over the whole image and its training flips images left to right.
 */
final class SyntheticData {

    static final int NUMERIC = 2;
    static final int CATEGORICAL = 2;
    private static final float[] CATEGORY_EFFECT = {-1.5f, -0.5f, 0f, 0.5f, 1.5f};

    /** All examples of a set, in one list of batches, plus each example's true logit. */
    record Examples(List<Batch> batches, float[] trueLogits, float[] tabularLogits, float[] labels) {

        /** Everything in one batch. */
        Batch whole() {
            return merge(batches);
        }
    }

    private SyntheticData() {
    }

    static FeatureSpec spec(boolean image, int imageSize) {
        return new FeatureSpec(List.of("x0", "x1"), List.of("c0", "c1"), image ? "banner" : null, "clicked", imageSize);
    }

    /**
     * Generates examples.
     *
     * @param tabularWeight weight of the tabular term of the logit
     * @param visualWeight  weight of the visual term (0: the image carries no signal)
     * @param imageSize     the image side, or 0 for no pixels
     */
    static Examples generate(int count, int batchSize, long seed, float tabularWeight, float visualWeight, int imageSize) {
        SplittableRandom random = new SplittableRandom(seed);
        int pixelsPerImage = imageSize * imageSize * 3;
        float[] numeric = new float[count * NUMERIC];
        String[] categorical = new String[count * CATEGORICAL];
        float[] pixels = new float[count * pixelsPerImage];
        float[] labels = new float[count];
        float[] trueLogits = new float[count];
        float[] tabularLogits = new float[count];
        for (int i = 0; i < count; i++) {
            float x0 = (float) (random.nextGaussian() * 2.0 + 5.0);
            float x1 = random.nextDouble() < 0.1 ? Float.NaN : (float) random.nextGaussian() * 10f;
            int c0 = random.nextInt(CATEGORY_EFFECT.length);
            numeric[i * NUMERIC] = x0;
            numeric[i * NUMERIC + 1] = x1;
            categorical[i * CATEGORICAL] = "cat" + c0;
            categorical[i * CATEGORICAL + 1] = random.nextDouble() < 0.2 ? "" : "noise" + random.nextInt(20);
            boolean warm = random.nextBoolean();
            if (imageSize > 0) {
                paint(pixels, i * pixelsPerImage, imageSize, warm, random);
            }
            float tabular = tabularWeight * (1.5f * (x0 - 5f) / 2f + CATEGORY_EFFECT[c0]);
            float logit = tabular + visualWeight * (warm ? 1f : -1f);
            tabularLogits[i] = tabular;
            trueLogits[i] = logit;
            labels[i] = random.nextDouble() < 1.0 / (1.0 + Math.exp(-logit)) ? 1f : 0f;
        }
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < count; start += batchSize) {
            int end = Math.min(count, start + batchSize);
            int n = end - start;
            long[] rows = new long[n];
            for (int r = 0; r < n; r++) {
                rows[r] = start + r + 1L;
            }
            batches.add(new Batch(n,
                    Arrays.copyOfRange(numeric, start * NUMERIC, end * NUMERIC),
                    Arrays.copyOfRange(categorical, start * CATEGORICAL, end * CATEGORICAL),
                    Arrays.copyOfRange(pixels, start * pixelsPerImage, end * pixelsPerImage),
                    Arrays.copyOfRange(labels, start, end),
                    rows));
        }
        return new Examples(batches, trueLogits, tabularLogits, labels);
    }

    /** Concatenates batches into one. */
    static Batch merge(List<Batch> batches) {
        int size = batches.stream().mapToInt(Batch::size).sum();
        float[] numeric = new float[0];
        String[] categorical = new String[0];
        float[] pixels = new float[0];
        float[] labels = new float[0];
        long[] rows = new long[0];
        for (Batch b : batches) {
            numeric = concat(numeric, b.numeric());
            categorical = concat(categorical, b.categorical());
            pixels = concat(pixels, b.pixels());
            labels = concat(labels, b.labels());
            rows = concat(rows, b.rows());
        }
        return new Batch(size, numeric, categorical, pixels, labels, rows);
    }

    private static void paint(float[] pixels, int offset, int side, boolean warm, SplittableRandom random) {
        for (int p = 0; p < side * side * 3; p++) {
            pixels[offset + p] = (float) random.nextInt(60);
        }
        int patch = Math.max(2, side / 4);
        int x0 = random.nextInt(side - patch + 1);
        int y0 = random.nextInt(side - patch + 1);
        float[] colour = warm ? new float[] {230f, 140f, 50f} : new float[] {50f, 140f, 230f};
        for (int y = y0; y < y0 + patch; y++) {
            for (int x = x0; x < x0 + patch; x++) {
                for (int c = 0; c < 3; c++) {
                    pixels[offset + (y * side + x) * 3 + c] = colour[c] + random.nextInt(26);
                }
            }
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
