package me.adsby.workbench.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * Builds a recipe's forward graph, from raw-feature placeholders to the logit and the probability. The
 * training graph and the inference graph are built by the same code, so their variables have the same names
 * and shapes and a training checkpoint restores into the inference graph.
 *
 * <p>Categorical columns share one embedding table of {@code columns x hashBuckets} rows: column {@code j}'s
 * hashed bucket {@code b} is row {@code j * hashBuckets + b}, so equal strings in different columns do not
 * share an embedding.
 */
final class CtrNetwork {

    static final String NUMERIC = "numeric";
    static final String CATEGORICAL = "categorical";
    static final String IMAGE = "image";
    static final String LABELS = "labels";
    static final String PROBABILITY = "probability";

    /** Pixels 0..255 become -1..1: inputs centred on 0, as the He initialisation of the convolutions assumes. */
    private static final float PIXEL_SCALE = 2f / 255f;

    /**
     * The built graph's ends. An input a recipe does not read is null.
     *
     * @param numeric     float [N, numeric columns], NaN for missing
     * @param categorical string [N, categorical columns], "" for missing
     * @param image       float [N, S, S, 3], 0..255
     * @param logits      float [N, 1]
     * @param probability float [N, 1], the sigmoid of the logits
     */
    record Ends(Placeholder<TFloat32> numeric, Placeholder<TString> categorical, Placeholder<TFloat32> image,
                Operand<TFloat32> logits, Operand<TFloat32> probability) {
    }

    private final Ops tf;
    private final ModelDefinition definition;
    private final Weights weights;

    private CtrNetwork(Ops tf, ModelDefinition definition, Weights weights) {
        this.tf = tf;
        this.definition = definition;
        this.weights = weights;
    }

    /** Builds the forward graph with seeded initializers, for training. */
    static Ends buildForTraining(Ops tf, ModelDefinition definition) {
        return new CtrNetwork(tf, definition, Weights.forTraining(tf, definition.hyperparameters().seed())).build();
    }

    /** Builds the forward graph with uninitialised variables, to restore from a checkpoint. */
    static Ends buildForInference(Ops tf, ModelDefinition definition) {
        return new CtrNetwork(tf, definition, Weights.forRestoring(tf)).build();
    }

    private Ends build() {
        Hyperparameters hp = definition.hyperparameters();
        List<Operand<TFloat32>> parts = new ArrayList<>();
        List<Long> widths = new ArrayList<>();
        Placeholder<TFloat32> numeric = null;
        Placeholder<TString> categorical = null;
        Placeholder<TFloat32> image = null;
        if (definition.readsNumeric()) {
            int columns = definition.features().numeric().size();
            numeric = tf.withName(NUMERIC).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, columns)));
            parts.add(normalised(numeric));
            widths.add((long) columns);
        }
        if (definition.readsCategorical()) {
            int columns = definition.features().categorical().size();
            categorical = tf.withName(CATEGORICAL).placeholder(TString.class, Placeholder.shape(Shape.of(-1, columns)));
            parts.add(embedded(categorical, columns));
            widths.add((long) columns * hp.embeddingSize());
        }
        if (definition.readsImage()) {
            int side = hp.imageSize();
            image = tf.withName(IMAGE).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, side, side, 3)));
            parts.add(imageTower(image));
            widths.add((long) hp.hiddenUnits().get(0));
        }
        Operand<TFloat32> x = parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(1));
        long width = widths.stream().mapToLong(Long::longValue).sum();
        int layer = 1;
        for (int units : hp.hiddenUnits()) {
            x = denseRelu("hidden" + layer++, x, width, units);
            width = units;
        }
        // The logit layer: Glorot weights, and a bias that starts at the base rate's log-odds (see LabelPrior).
        Variable<TFloat32> logitWeights = weights.create("logit_w", Shape.of(width, 1), Weights.Start.GLOROT);
        Variable<TFloat32> logitBias = weights.constant("logit_b", Shape.of(1), definition.labelPrior().logit());
        Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(x, logitWeights), logitBias);
        Operand<TFloat32> probability = tf.withName(PROBABILITY).math.sigmoid(logits);
        return new Ends(numeric, categorical, image, logits, probability);
    }

    /** (x - mean) / std, then NaN (missing) to 0, the mean. */
    private Operand<TFloat32> normalised(Operand<TFloat32> raw) {
        NumericStats stats = definition.numericStats();
        Operand<TFloat32> scaled = tf.math.div(tf.math.sub(raw, tf.constant(stats.means())), tf.constant(stats.stds()));
        return tf.select(tf.math.isNan(scaled), tf.zerosLike(scaled), scaled);
    }

    private Operand<TFloat32> embedded(Operand<TString> raw, int columns) {
        Hyperparameters hp = definition.hyperparameters();
        long buckets = hp.hashBuckets();
        long[] offsets = new long[columns];
        Arrays.setAll(offsets, j -> j * buckets);
        Operand<TInt64> rows = tf.math.add(tf.strings.toHashBucketFast(raw, buckets), tf.constant(offsets));
        Variable<TFloat32> table = weights.create("categorical_embeddings",
                Shape.of(columns * buckets, hp.embeddingSize()), Weights.Start.SMALL_UNIFORM);
        Operand<TFloat32> vectors = tf.gather(table, rows, tf.constant(0));
        return tf.reshape(vectors, tf.constant(new long[] {-1, (long) columns * hp.embeddingSize()}));
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
}
