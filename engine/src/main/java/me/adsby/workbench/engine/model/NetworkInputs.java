package me.adsby.workbench.engine.model;

import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * The graph's feature transforms, shared by the wide part and the deep tower: numeric features transformed and
 * standardised with the training split's statistics, a missing-value indicator per numeric column, and each
 * categorical column hashed into its own range of buckets.
 */
final class NetworkInputs {

    private final Ops tf;
    private final ModelDefinition definition;

    NetworkInputs(Ops tf, ModelDefinition definition) {
        this.tf = tf;
        this.definition = definition;
    }

    /**
     * [N, 2k]: the k transformed, standardised values (missing as 0, the training mean), then k indicators that
     * are 1 where the value was missing.
     */
    Operand<TFloat32> numeric(Operand<TFloat32> raw) {
        NumericStats stats = definition.numericStats();
        Operand<TFloat32> values = raw;
        if (stats.anyLog1p()) {
            // x + m * (log1p(max(x, 0)) - x): the log where m = 1, x unchanged where m = 0; NaN stays NaN.
            float[] mask = new float[stats.columns()];
            boolean[] log = stats.log1p();
            for (int i = 0; i < mask.length; i++) {
                mask[i] = log[i] ? 1f : 0f;
            }
            Operand<TFloat32> logged = tf.math.log1p(tf.math.maximum(raw, tf.zerosLike(raw)));
            values = tf.math.add(raw, tf.math.mul(tf.constant(mask), tf.math.sub(logged, raw)));
        }
        Operand<TFloat32> scaled = tf.math.div(tf.math.sub(values, tf.constant(stats.means())), tf.constant(stats.stds()));
        Operand<org.tensorflow.types.TBool> missing = tf.math.isNan(scaled);
        Operand<TFloat32> filled = tf.select(missing, tf.zerosLike(scaled), scaled);
        Operand<TFloat32> indicators = tf.dtypes.cast(tf.math.isNan(raw), TFloat32.class);
        return tf.concat(java.util.List.of(filled, indicators), tf.constant(1));
    }

    /** The width of {@link #numeric}. */
    long numericWidth() {
        return 2L * definition.features().numeric().size();
    }

    /** [N, m] int64: column j's value hashed into {@code buckets} buckets, offset by {@code j * buckets}. */
    Operand<TInt64> hashed(Operand<TString> raw, long buckets) {
        int columns = definition.features().categorical().size();
        long[] offsets = new long[columns];
        Arrays.setAll(offsets, j -> j * buckets);
        return tf.math.add(tf.strings.toHashBucketFast(raw, buckets), tf.constant(offsets));
    }
}
