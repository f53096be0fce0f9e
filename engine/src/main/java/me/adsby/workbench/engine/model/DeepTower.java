package me.adsby.workbench.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The deep tower: the transformed numerics, an embedding per categorical column and the image tower's output
 * concatenated, then ReLU layers of {@code hiddenUnits}; returns the last layer's [N, 1] logit, without a bias.
 * Dropout ({@link Hyperparameters#dropout()}) drops the tower's inputs and each hidden layer's units at training
 * steps (inverted dropout: kept units scaled by 1 / (1 - rate)), only where the graph's {@code training} flag is
 * fed true; an inference graph has no dropout at all. The masks are stateless random numbers of (a seed per
 * layer, the step the trainer feeds), so a trainer restored from a checkpoint draws the masks the saved one would
 * have drawn.
 */
final class DeepTower {

    /** Pixels 0..255 become -1..1: inputs centred on 0, as the He initialisation of the convolutions assumes. */
    private static final float PIXEL_SCALE = 2f / 255f;

    private final Ops tf;
    private final Weights weights;
    private final ModelDefinition definition;
    private final Operand<TBool> training;
    private final Operand<TInt64> step;

    /**
     * @param training the graph's training flag, or null in an inference graph
     * @param step     the training step the trainer feeds, or null in an inference graph
     */
    DeepTower(Ops tf, Weights weights, ModelDefinition definition, Operand<TBool> training, Operand<TInt64> step) {
        this.tf = tf;
        this.weights = weights;
        this.definition = definition;
        this.training = training;
        this.step = step;
    }

    /**
     * @param numeric the transformed numerics and indicators, or null
     * @param width   their width
     * @param hashed  the categorical cells' table rows ({@link NetworkInputs#categoryRows}), or null
     * @param pixels  the raw pixels [N, S, S, 3], or null
     */
    Operand<TFloat32> logit(Operand<TFloat32> numeric, long width, Operand<TInt64> hashed, Operand<TFloat32> pixels) {
        Hyperparameters hp = definition.hyperparameters();
        List<Operand<TFloat32>> parts = new ArrayList<>();
        long inputs = 0;
        if (numeric != null) {
            parts.add(numeric);
            inputs += width;
        }
        if (hashed != null) {
            int columns = definition.features().categorical().size();
            Variable<TFloat32> table = weights.create("categorical_embeddings",
                    Shape.of(new NetworkInputs(tf, definition).categoryTableRows(), hp.embeddingSize()),
                    Weights.Start.SMALL_UNIFORM);
            Operand<TFloat32> vectors = tf.gather(table, hashed, tf.constant(0));
            parts.add(tf.reshape(vectors, tf.constant(new long[] {-1, (long) columns * hp.embeddingSize()})));
            inputs += (long) columns * hp.embeddingSize();
        }
        if (pixels != null) {
            parts.add(imageTower(pixels));
            inputs += hp.hiddenUnits().get(0);
        }
        Operand<TFloat32> x = parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(1));
        x = dropout(x);
        long in = inputs;
        int layer = 1;
        for (int units : hp.hiddenUnits()) {
            x = dropout(denseRelu("hidden" + layer++, x, in, units));
            in = units;
        }
        // Zeros: the untrained network predicts the base rate (its bias, see LabelPrior); the first steps move it.
        Variable<TFloat32> logitWeights = weights.create("logit_w", Shape.of(in, 1), Weights.Start.WIDE);
        return tf.linalg.matMul(x, logitWeights);
    }

    private Operand<TFloat32> imageTower(Operand<TFloat32> pixels) {
        Hyperparameters hp = definition.hyperparameters();
        int filters = hp.convFilters();
        Operand<TFloat32> x = tf.math.sub(tf.math.mul(pixels, tf.constant(PIXEL_SCALE)), tf.constant(1f));
        x = convBlock("conv1", x, 3, filters);
        x = convBlock("conv2", x, filters, 2 * filters);
        long side = hp.imageSize() / 2 / 2;
        long flat = side * side * 2 * filters;
        x = tf.reshape(x, tf.constant(new long[] {-1, flat}));
        return denseRelu("image_dense", x, flat, hp.hiddenUnits().get(0));
    }

    /** 3x3 convolution (same padding) + bias + ReLU + 2x2 max pooling. */
    private Operand<TFloat32> convBlock(String name, Operand<TFloat32> x, int in, int out) {
        Variable<TFloat32> kernel = weights.create(name + "_w", Shape.of(3, 3, in, out), Weights.Start.HE);
        Variable<TFloat32> bias = weights.create(name + "_b", Shape.of(out), Weights.Start.ZEROS);
        Operand<TFloat32> conv = tf.nn.conv2d(x, kernel, List.of(1L, 1L, 1L, 1L), "SAME");
        Operand<TFloat32> activated = tf.nn.relu(tf.nn.biasAdd(conv, bias));
        return tf.nn.maxPool(activated, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
    }

    /** A fully connected layer followed by ReLU. */
    private Operand<TFloat32> denseRelu(String name, Operand<TFloat32> x, long in, int out) {
        Variable<TFloat32> w = weights.create(name + "_w", Shape.of(in, out), Weights.Start.HE);
        Variable<TFloat32> b = weights.create(name + "_b", Shape.of(out), Weights.Start.ZEROS);
        return tf.nn.relu(tf.math.add(tf.linalg.matMul(x, w), b));
    }

    /** Inverted dropout where the training flag is true; the identity in an inference graph or at rate 0. */
    private Operand<TFloat32> dropout(Operand<TFloat32> x) {
        float rate = definition.hyperparameters().dropout();
        if (training == null || rate == 0f) {
            return x;
        }
        Operand<TInt64> seed = tf.stack(List.of(tf.constant(weights.nextSeed()), step));
        Operand<TFloat32> uniform = tf.random.statelessRandomUniform(tf.shape(x), seed, TFloat32.class);
        Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(uniform, tf.constant(rate)), TFloat32.class);
        Operand<TFloat32> dropped = tf.math.mul(x, tf.math.mul(keep, tf.constant(1f / (1f - rate))));
        return tf.select(training, dropped, x);
    }
}
