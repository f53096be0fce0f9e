package me.adsby.workbench.engine.model;

import org.tensorflow.Operand;
import org.tensorflow.framework.initializers.Glorot;
import org.tensorflow.framework.initializers.He;
import org.tensorflow.framework.initializers.Initializer;
import org.tensorflow.framework.initializers.RandomUniform;
import org.tensorflow.framework.initializers.VarianceScaling;
import org.tensorflow.framework.initializers.Zeros;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Creates the network's variables in the root scope (names with {@code _}, never {@code /}: the framework
 * optimizers name their slots {@code <variable>-m} and fail on sub-scoped names).
 *
 * <p>For training, each variable gets a seeded, stateless initializer (its own seed, derived from the run's
 * seed and the variable's position), so a fixed seed gives fixed initial weights. For inference, variables
 * have no initializer at all: their values come from a checkpoint, and the exported graph stays free of
 * random ops.
 */
final class Weights {

    /** How a variable starts. */
    enum Start {
        /** He truncated normal, for layers followed by ReLU. */
        HE,
        /** Glorot uniform, for the logit layer. */
        GLOROT,
        /** Uniform in [-0.05, 0.05], for embedding tables. */
        SMALL_UNIFORM,
        /** Zeros, for biases (not penalised). */
        ZEROS,
        /** Zeros, for the wide part's weights (penalised): a linear model starts at the prior. */
        WIDE
    }

    private static final long SEED_STRIDE = 1_000_003L;

    private final Ops tf;
    private final boolean initialised;
    private final long seed;
    private final java.util.List<Variable<TFloat32>> penalized = new java.util.ArrayList<>();
    private int created;

    private Weights(Ops tf, boolean initialised, long seed) {
        this.tf = tf;
        this.initialised = initialised;
        this.seed = seed;
    }

    /** Variables with seeded initializers, for a training graph. */
    static Weights forTraining(Ops tf, long seed) {
        return new Weights(tf, true, seed);
    }

    /** Variables without initializers, restored from a checkpoint. */
    static Weights forRestoring(Ops tf) {
        return new Weights(tf, false, 0L);
    }

    /** A variable; every one but the zero-started biases is a weight the L2 penalty counts. */
    Variable<TFloat32> create(String name, Shape shape, Start start) {
        long variableSeed = seed + SEED_STRIDE * ++created;
        Variable<TFloat32> variable;
        if (!initialised) {
            variable = tf.withName(name).variable(shape, TFloat32.class);
        } else {
            Ops init = tf.withInitScope();
            Operand<TFloat32> value = initializer(start, variableSeed).call(init, init.constant(shape), TFloat32.class);
            variable = tf.withName(name).variable(value);
        }
        if (start != Start.ZEROS) {
            penalized.add(variable);
        }
        return variable;
    }

    /** The weights created so far that the L2 penalty counts (kernels, embeddings, the wide part's weights). */
    java.util.List<Variable<TFloat32>> penalized() {
        return java.util.List.copyOf(penalized);
    }

    /** A seed for a random op of the training graph (dropout), derived from the run's seed like the variables'. */
    long nextSeed() {
        return seed + SEED_STRIDE * ++created;
    }

    /** Whether this graph trains (initialised variables, dropout), rather than restores for inference. */
    boolean training() {
        return initialised;
    }

    /** A variable that starts at one value everywhere (for training; restored like the others). */
    Variable<TFloat32> constant(String name, Shape shape, float value) {
        ++created;
        if (!initialised) {
            return tf.withName(name).variable(shape, TFloat32.class);
        }
        Ops init = tf.withInitScope();
        return tf.withName(name).variable(init.fill(init.constant(shape), init.constant(value)));
    }

    private static Initializer<TFloat32> initializer(Start start, long variableSeed) {
        return switch (start) {
            case HE -> new He<>(VarianceScaling.Distribution.TRUNCATED_NORMAL, variableSeed);
            case GLOROT -> new Glorot<>(VarianceScaling.Distribution.UNIFORM, variableSeed);
            case SMALL_UNIFORM -> new RandomUniform<>(-0.05, 0.05, variableSeed);
            case ZEROS, WIDE -> new Zeros<>();
        };
    }
}
