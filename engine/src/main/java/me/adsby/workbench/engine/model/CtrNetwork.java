package me.adsby.workbench.engine.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Builds a recipe's forward graph, from raw-feature placeholders to the logit and the probability: the sum of
 * the wide part's logit ({@link WidePart}), the deep tower's ({@link DeepTower}) and a bias, as the recipe has
 * them (see {@link Recipe}). The training graph and the inference graph are built by the same code, so their
 * variables have the same names and shapes and a training checkpoint restores into the inference graph.
 *
 * <p>Categorical columns share one table per part, in which each column owns its own rows (its vocabulary's, see
 * {@link CategoryVocabulary}, or {@code hashBuckets} hash buckets), so equal strings in different columns do not
 * share a weight.
 */
final class CtrNetwork {

    static final String NUMERIC = "numeric";
    static final String CATEGORICAL = "categorical";
    static final String IMAGE = "image";
    static final String LABELS = "labels";
    static final String PROBABILITY = "probability";
    static final String TRAINING = "training";
    static final String STEP = "train_steps";

    /**
     * The built graph's ends. An input a recipe does not read is null.
     *
     * @param numeric     float [N, numeric columns], NaN for missing
     * @param categorical string [N, categorical columns], "" for missing
     * @param image       float [N, S, S, 3], 0..255
     * @param logits      float [N, 1]
     * @param probability float [N, 1], the sigmoid of the logits
     * @param training    bool scalar, false unless fed: true turns dropout and the image augmentation on and has
     *                    batch normalization use the batch's statistics (training graphs only; else null)
     * @param step        int64 scalar, the training step, fed by the trainer: it seeds dropout and the
     *                    augmentation (training graphs only)
     * @param penalized   the weights the L2 penalty counts
     * @param trainable   the variables the optimizer trains: all but batch normalization's moving statistics
     * @param updates     the ops that move those statistics, for each training step to run (empty in an inference
     *                    graph and without an image tower)
     */
    record Ends(Placeholder<TFloat32> numeric, Placeholder<TString> categorical, Placeholder<TFloat32> image,
                Operand<TFloat32> logits, Operand<TFloat32> probability, Operand<TBool> training,
                Operand<TInt64> step, List<Variable<TFloat32>> penalized, List<Variable<TFloat32>> trainable,
                List<Op> updates) {
    }

    private final Ops tf;
    private final ModelDefinition definition;
    private final Weights weights;
    private final PlattScaling platt;

    private CtrNetwork(Ops tf, ModelDefinition definition, Weights weights, PlattScaling platt) {
        this.tf = tf;
        this.definition = definition;
        this.weights = weights;
        this.platt = platt;
    }

    /** Builds the forward graph with seeded initializers and a training flag, for training. */
    static Ends buildForTraining(Ops tf, ModelDefinition definition) {
        return new CtrNetwork(tf, definition, Weights.forTraining(tf, definition.hyperparameters().seed()),
                PlattScaling.IDENTITY).build();
    }

    /** Builds the forward graph with uninitialised variables, to restore from a checkpoint. */
    static Ends buildForInference(Ops tf, ModelDefinition definition) {
        return buildForInference(tf, definition, PlattScaling.IDENTITY);
    }

    /** As {@link #buildForInference(Ops, ModelDefinition)}, the probability Platt-scaled (constants, not variables). */
    static Ends buildForInference(Ops tf, ModelDefinition definition, PlattScaling platt) {
        return new CtrNetwork(tf, definition, Weights.forRestoring(tf), platt).build();
    }

    private Ends build() {
        Hyperparameters hp = definition.hyperparameters();
        Recipe recipe = definition.recipe();
        NetworkInputs inputs = new NetworkInputs(tf, definition);
        Placeholder<TFloat32> numeric = null;
        Placeholder<TString> categorical = null;
        Placeholder<TFloat32> image = null;
        Operand<TFloat32> numericFeatures = null;
        Operand<TInt64> hashed = null;
        if (definition.readsNumeric()) {
            int columns = definition.features().numeric().size();
            numeric = tf.withName(NUMERIC).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, columns)));
            numericFeatures = inputs.numeric(numeric);
        }
        if (definition.readsCategorical()) {
            int columns = definition.features().categorical().size();
            categorical = tf.withName(CATEGORICAL).placeholder(TString.class, Placeholder.shape(Shape.of(-1, columns)));
            hashed = inputs.categoryRows(categorical);
        }
        if (definition.readsImage()) {
            int side = hp.imageSize();
            image = tf.withName(IMAGE).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, side, side, 3)));
        }
        Operand<TBool> training = weights.training()
                ? tf.withName(TRAINING).placeholderWithDefault(tf.constant(false), Shape.scalar()) : null;
        Operand<TInt64> step = weights.training()
                ? tf.withName(STEP).placeholderWithDefault(tf.constant(0L), Shape.scalar()) : null;
        Operand<TFloat32> logits = null;
        if (recipe.hasWide() && (numeric != null || categorical != null)) {
            logits = new WidePart(tf, weights, definition).logit(numericFeatures, inputs.numericWidth(), categorical, hashed);
        }
        if (recipe.hasDeep()) {
            Operand<TFloat32> deep = new DeepTower(tf, weights, definition, training, step)
                    .logit(numericFeatures, inputs.numericWidth(), hashed, image);
            logits = logits == null ? deep : tf.math.add(logits, deep);
        }
        // The bias starts at the base rate's log-odds (see LabelPrior).
        Variable<TFloat32> logitBias = weights.constant("logit_b", Shape.of(1), definition.labelPrior().logit());
        logits = tf.math.add(logits, logitBias);
        if (!platt.isIdentity()) {
            logits = tf.math.add(tf.math.mul(logits, tf.constant((float) platt.a())), tf.constant((float) platt.b()));
        }
        Operand<TFloat32> probability = tf.withName(PROBABILITY).math.sigmoid(logits);
        return new Ends(numeric, categorical, image, logits, probability, training, step, weights.penalized(),
                weights.trainable(), weights.updates());
    }
}
