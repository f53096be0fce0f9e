package me.adsby.workbench.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.framework.initializers.Glorot;
import org.tensorflow.framework.initializers.He;
import org.tensorflow.framework.initializers.Initializer;
import org.tensorflow.framework.initializers.RandomUniform;
import org.tensorflow.framework.initializers.VarianceScaling;
import org.tensorflow.framework.initializers.Zeros;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
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
 *
 * <p>It also keeps the graph's state by role: the weights the L2 penalty counts, the trainable variables (what
 * the optimizer updates), and the moving statistics of batch normalization, which are saved and restored with
 * the others but are neither penalised nor trained: the ops that update them ({@link #updates()}) run with each
 * training step.
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
    private final List<Variable<TFloat32>> penalized = new ArrayList<>();
    private final List<Variable<TFloat32>> trainable = new ArrayList<>();
    private final List<Op> updates = new ArrayList<>();
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
        trainable.add(variable);
        return variable;
    }

    /** The weights created so far that the L2 penalty counts (kernels, embeddings, the wide part's weights). */
    List<Variable<TFloat32>> penalized() {
        return List.copyOf(penalized);
    }

    /** The variables created so far that the optimizer trains: all but the moving statistics. */
    List<Variable<TFloat32>> trainable() {
        return List.copyOf(trainable);
    }

    /** The ops that update the moving statistics, which a training step runs (empty in an inference graph). */
    List<Op> updates() {
        return List.copyOf(updates);
    }

    /** Registers an op that updates a moving statistic at each training step. */
    void addUpdate(Op update) {
        updates.add(update);
    }

    /** A seed for a random op of the training graph (dropout, augmentation), derived from the run's seed like the variables'. */
    long nextSeed() {
        return seed + SEED_STRIDE * ++created;
    }

    /** Whether this graph trains (initialised variables, dropout, augmentation), rather than restores for inference. */
    boolean training() {
        return initialised;
    }

    /** A trainable variable that starts at one value everywhere, not penalised (restored like the others). */
    Variable<TFloat32> constant(String name, Shape shape, float value) {
        Variable<TFloat32> variable = filled(name, shape, value);
        trainable.add(variable);
        return variable;
    }

    /**
     * A moving statistic: starts at one value everywhere, is saved and restored like the others, but is neither
     * penalised nor trained (its update ops, {@link #addUpdate}, move it).
     */
    Variable<TFloat32> statistic(String name, Shape shape, float value) {
        return filled(name, shape, value);
    }

    private Variable<TFloat32> filled(String name, Shape shape, float value) {
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
