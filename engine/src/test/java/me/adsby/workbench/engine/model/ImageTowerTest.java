package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

class ImageTowerTest {

    private static final int IMAGES = 64;
    private static final int SIDE = 4;
    private static final float TOLERANCE = 1e-6f;

    /**
     * 64 images of 4x4 with values in [-0.8, 0.8]: a shift of at most 0.1 never reaches the clipping at -1 and 1, so
     * each augmented image is its original or its mirror image plus one constant.
     */
    @Test
    void trainingStepsFlipAboutHalfTheImagesAndShiftEachOnesBrightnessByAtMostATenth() {
        float[][][][] images = images();
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Operand<TBool> training = tf.placeholderWithDefault(tf.constant(false), Shape.scalar());
            Operand<TInt64> step = tf.placeholderWithDefault(tf.constant(0L), Shape.scalar());
            Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SIDE, SIDE, 3)));
            Operand<TFloat32> augmented = new ImageTower(tf, Weights.forTraining(tf, 9L), 4, training, step).augment(input);
            try (Session session = new Session(graph)) {
                // Scoring: unchanged, bit for bit.
                assertThat(Arrays.deepEquals(run(session, input, augmented, training, step, images, false, 3), images)).isTrue();

                float[][][][] third = run(session, input, augmented, training, step, images, true, 3);
                int flipped = 0;
                Set<Float> shifts = new HashSet<>();
                for (int i = 0; i < IMAGES; i++) {
                    Float shift = constantDifference(third[i], images[i], false);
                    Float mirrored = constantDifference(third[i], images[i], true);
                    assertThat(shift != null || mirrored != null).as("image %d is itself or its mirror, shifted", i).isTrue();
                    if (shift == null) {
                        flipped++;
                        shift = mirrored;
                    }
                    assertThat(Math.abs(shift)).isLessThanOrEqualTo(ImageTower.BRIGHTNESS_JITTER + TOLERANCE);
                    shifts.add(shift);
                }
                // Binomial(64, 1/2) is 32 give or take 4: 16..48 is 4 deviations either way, and the draw is fixed by its seeds anyway.
                assertThat(flipped).isBetween(16, 48);
                assertThat(shifts).hasSizeGreaterThan(IMAGES / 2);

                // The draws are of (seed, step): the same step draws the same, another step something else.
                assertThat(Arrays.deepEquals(run(session, input, augmented, training, step, images, true, 3), third)).isTrue();
                assertThat(Arrays.deepEquals(run(session, input, augmented, training, step, images, true, 4), third)).isFalse();
            }
        }
    }

    @Test
    void anInferenceGraphDoesNotAugment() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, SIDE, SIDE, 3)));
            assertThat(new ImageTower(tf, Weights.forRestoring(tf), 4, null, null).augment(input)).isSameAs(input);
        }
    }

    @Test
    void thePooledFeaturesAreAsWideForEveryImageSide() {
        for (int side : new int[] {8, 16, 64}) {
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph);
                Placeholder<TFloat32> pixels = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, side, side, 3)));
                ImageTower tower = new ImageTower(tf, Weights.forRestoring(tf), 16, null, null);
                Operand<TFloat32> features = tower.features(pixels);
                assertThat(tower.width()).isEqualTo(64L);
                assertThat(features.shape().asArray()).containsExactly(-1L, 64L);
            }
        }
    }

    private static float[][][][] images() {
        SplittableRandom random = new SplittableRandom(5);
        float[][][][] images = new float[IMAGES][SIDE][SIDE][3];
        for (float[][][] image : images) {
            for (float[][] row : image) {
                for (float[] pixel : row) {
                    for (int c = 0; c < 3; c++) {
                        pixel[c] = (float) (random.nextDouble() * 1.6 - 0.8);
                    }
                }
            }
        }
        return images;
    }

    /** {@code out - in} (in mirrored left to right if asked) where it is one number on every pixel, else null. */
    private static Float constantDifference(float[][][] out, float[][][] in, boolean mirrored) {
        float first = out[0][0][0] - in[0][mirrored ? SIDE - 1 : 0][0];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                for (int c = 0; c < 3; c++) {
                    float difference = out[y][x][c] - in[y][mirrored ? SIDE - 1 - x : x][c];
                    if (Math.abs(difference - first) > TOLERANCE) {
                        return null;
                    }
                }
            }
        }
        return first;
    }

    private static float[][][][] run(Session session, Placeholder<TFloat32> input, Operand<TFloat32> augmented,
                                     Operand<TBool> training, Operand<TInt64> step, float[][][][] images, boolean on,
                                     long stepValue) {
        try (TFloat32 pixels = TFloat32.tensorOf(StdArrays.ndCopyOf(images));
             TBool flag = TBool.scalarOf(on);
             TInt64 steps = TInt64.scalarOf(stepValue);
             Result result = session.runner().feed(input, pixels).feed(training, flag).feed(step, steps)
                     .fetch(augmented).run()) {
            return StdArrays.array4dCopyOf((TFloat32) result.get(0));
        }
    }
}
