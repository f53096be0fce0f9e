package me.adsby.workbench.engine.model;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalization of [N, H, W, C] activations over N, H and W, per channel: {@code gamma * (x - mean) /
 * sqrt(variance + EPSILON) + beta}; at training steps with TensorFlow's fused kernel and its fused gradient.
 *
 * <p>Where the graph's training flag is fed true, the mean and variance are the batch's (the variance divided by
 * the count), and each training step moves the layer's moving statistics towards them: {@code moving += (1 -
 * MOMENTUM) * (batch - moving)}, with the batch's variance corrected by {@code n / (n - 1)} for the moving variance,
 * as the kernel does (the update ops are registered with {@link Weights#addUpdate}). Everywhere else (scoring in
 * the training graph, the inference graph) the moving statistics stand in for the batch's, so an example's score
 * does not depend on the rest of its batch. {@code gamma} (from 1) and {@code beta} (from 0) are trained, not
 * penalised; the moving mean (from 0) and variance (from 1) are saved and restored with the weights, never
 * trained.
 */
final class BatchNorm {

    /**
     * How much of the moving statistics a training step keeps, Keras' default: the starting values weigh a third
     * after 110 steps. 0.9 forgets them sooner but follows each batch's noise; on the demo data the two chose best
     * epochs within 0.005 validation AUC of each other.
     */
    static final float MOMENTUM = 0.99f;
    /** Added to the variance before its square root, as Keras' default. */
    static final float EPSILON = 1e-3f;

    private final Ops tf;
    private final Weights weights;
    private final Operand<TBool> training;

    /**
     * @param training the graph's training flag, or null in an inference graph (moving statistics only, no
     *                 updates)
     */
    BatchNorm(Ops tf, Weights weights, Operand<TBool> training) {
        this.tf = tf;
        this.weights = weights;
        this.training = training;
    }

    /**
     * @param name     the prefix of the layer's variables ({@code <name>_gamma}, {@code _beta},
     *                 {@code _moving_mean}, {@code _moving_variance})
     * @param x        [N, H, W, channels]
     * @param channels the size of the last axis
     */
    Operand<TFloat32> apply(String name, Operand<TFloat32> x, int channels) {
        Shape shape = Shape.of(channels);
        Variable<TFloat32> gamma = weights.constant(name + "_gamma", shape, 1f);
        Variable<TFloat32> beta = weights.constant(name + "_beta", shape, 0f);
        Variable<TFloat32> movingMean = weights.statistic(name + "_moving_mean", shape, 0f);
        Variable<TFloat32> movingVariance = weights.statistic(name + "_moving_variance", shape, 1f);
        if (training == null) {
            return withMovingStatistics(x, gamma, beta, movingMean, movingVariance);
        }
        FusedBatchNorm<TFloat32, TFloat32> batch = tf.nn.fusedBatchNorm(x, gamma, beta, movingMean, movingVariance,
                FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon(EPSILON),
                FusedBatchNorm.exponentialAvgFactor(1f - MOMENTUM));
        // With an averaging factor the kernel's "batch" statistics are the moved moving ones.
        weights.addUpdate(tf.assign(movingMean, batch.batchMean()));
        weights.addUpdate(tf.assign(movingVariance, batch.batchVariance()));
        // Scoring is never trained: no gradient flows through it, so a training step computes none for it.
        Operand<TFloat32> scored = withMovingStatistics(tf.stopGradient(x), tf.stopGradient(gamma),
                tf.stopGradient(beta), movingMean, movingVariance);
        return tf.select(training, batch.y(), scored);
    }

    /**
     * {@code x * scale + (beta - mean * scale)}, {@code scale = gamma / sqrt(variance + EPSILON)}: two passes over x.
     * (The fused kernel's inference mode is several times slower on the CPU.)
     */
    private Operand<TFloat32> withMovingStatistics(Operand<TFloat32> x, Operand<TFloat32> gamma, Operand<TFloat32> beta,
                                                   Operand<TFloat32> mean, Operand<TFloat32> variance) {
        Operand<TFloat32> scale = tf.math.mul(gamma, tf.math.rsqrt(tf.math.add(variance, tf.constant(EPSILON))));
        Operand<TFloat32> shift = tf.math.sub(beta, tf.math.mul(mean, scale));
        return tf.nn.biasAdd(tf.math.mul(x, scale), shift);
    }
}
