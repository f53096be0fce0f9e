package me.adsby.workbench.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * The linear part of a network, a logistic regression inside the graph: a weight per transformed numeric
 * feature and per missing indicator, a weight per categorical table row (a frequent value, or a column's rare or
 * missing row, see {@link CategoryVocabulary}; or a hash bucket) of each categorical column, and a weight
 * per hashed bucket of the cross of each pair among the first {@link Hyperparameters#crossColumns()} categorical
 * columns
 * (the pair's table rows, or without a vocabulary its values, joined by a unit separator, then hashed). Its
 * weights start at 0, and the L2 penalty counts them.
 */
final class WidePart {

    private final Ops tf;
    private final Weights weights;
    private final ModelDefinition definition;

    WidePart(Ops tf, Weights weights, ModelDefinition definition) {
        this.tf = tf;
        this.weights = weights;
        this.definition = definition;
    }

    /**
     * [N, 1]: the part's logit, without a bias.
     *
     * @param numeric     the transformed numerics and indicators [N, width], or null
     * @param width       their width
     * @param categorical the raw categorical strings [N, m], or null
     * @param hashed      those strings' table rows ({@link NetworkInputs#categoryRows}), or null
     */
    Operand<TFloat32> logit(Operand<TFloat32> numeric, long width, Operand<TString> categorical, Operand<TInt64> hashed) {
        List<Operand<TFloat32>> terms = new ArrayList<>();
        if (numeric != null) {
            Variable<TFloat32> w = weights.create("wide_numeric_w", Shape.of(width, 1), Weights.Start.WIDE);
            terms.add(tf.linalg.matMul(numeric, w));
        }
        long buckets = definition.hyperparameters().hashBuckets();
        if (categorical != null) {
            int columns = definition.features().categorical().size();
            terms.add(sumOfRows("wide_categorical_w", new NetworkInputs(tf, definition).categoryTableRows(), hashed));
            // With a vocabulary, the crosses join the cells' rows, so every rare value crosses as its column's rare row.
            Operand<TString> crossing = definition.vocabulary().isHashed() ? categorical : tf.dtypes.asString(hashed);
            int crossedColumns = Math.min(columns, definition.hyperparameters().crossColumns());
            Operand<TInt64> crossed = crosses(crossing, crossedColumns, buckets);
            if (crossed != null) {
                int pairs = pairs(crossedColumns);
                terms.add(sumOfRows("wide_crosses_w", pairs * buckets, crossed));
            }
        }
        Operand<TFloat32> sum = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            sum = tf.math.add(sum, terms.get(i));
        }
        return sum;
    }

    /** [N, 1]: the sum over columns of the one-dimensional embedding (the weight) of each row's bucket. */
    private Operand<TFloat32> sumOfRows(String name, long rows, Operand<TInt64> indices) {
        Variable<TFloat32> table = weights.create(name, Shape.of(rows, 1), Weights.Start.WIDE);
        Operand<TFloat32> gathered = tf.gather(table, indices, tf.constant(0));
        return tf.reshape(tf.sum(gathered, tf.constant(1)), tf.constant(new long[] {-1, 1}));
    }

    /** [N, pairs] int64: each pair's joined values hashed into its own range of buckets; null under 2 columns. */
    private Operand<TInt64> crosses(Operand<TString> raw, int columns, long buckets) {
        if (columns < 2) {
            return null;
        }
        List<Operand<TString>> cells = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            cells.add(tf.gather(raw, tf.constant(j), tf.constant(1)));
        }
        List<Operand<TString>> joined = new ArrayList<>();
        for (int a = 0; a < columns; a++) {
            for (int b = a + 1; b < columns; b++) {
                joined.add(tf.strings.join(List.of(cells.get(a), cells.get(b)), org.tensorflow.op.strings.Join.separator("\u001f")));
            }
        }
        Operand<TString> pairs = tf.stack(joined, org.tensorflow.op.core.Stack.axis(1L));
        long[] offsets = new long[joined.size()];
        for (int p = 0; p < offsets.length; p++) {
            offsets[p] = p * buckets;
        }
        return tf.math.add(tf.strings.toHashBucketFast(pairs, buckets), tf.constant(offsets));
    }

    private static int pairs(int columns) {
        return columns * (columns - 1) / 2;
    }
}
