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
 * The deep tower: the transformed numerics, an embedding per categorical column and the image tower's output (its
 * pooled features, {@link ImageTower}, through a ReLU layer of the first hidden layer's width) concatenated, then
 * ReLU layers of {@code hiddenUnits}; returns the last layer's [N, 1] logit, without a bias.
 * Dropout ({@link Hyperparameters#dropout()}) drops the tower's inputs and each hidden layer's units at training
 * steps (inverted dropout: kept units scaled by 1 / (1 - rate)), only where the graph's {@code training} flag is
 * fed true; an inference graph has no dropout at all. The masks are stateless random numbers of (a seed per
 * layer, the step the trainer feeds), so a trainer restored from a checkpoint draws the masks the saved one would
 * have drawn.
 */
final class DeepTower {

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
            ImageTower tower = new ImageTower(tf, weights, hp.convFilters(), training, step);
            parts.add(denseRelu("image_dense", tower.features(pixels), tower.width(), hp.hiddenUnits().get(0)));
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
