package me.adsby.workbench.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * The graph's feature transforms, shared by the wide part and the deep tower: numeric features transformed and
 * standardised with the training split's statistics, a missing-value indicator per numeric column, and each
 * categorical cell's row in the categorical tables (its value's, or its column's rare or missing row; or a hash
 * bucket).
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
        Operand<TBool> missing = tf.math.isNan(scaled);
        Operand<TFloat32> filled = tf.select(missing, tf.zerosLike(scaled), scaled);
        Operand<TFloat32> indicators = tf.dtypes.cast(tf.math.isNan(raw), TFloat32.class);
        return tf.concat(List.of(filled, indicators), tf.constant(1));
    }

    /** The width of {@link #numeric}. */
    long numericWidth() {
        return 2L * definition.features().numeric().size();
    }

    /**
     * [N, m] int64: each categorical cell's row in the categorical tables, which hold {@link #categoryTableRows()}
     * rows. With a vocabulary ({@link CategoryVocabulary}), column j's frequent values, its rare row and its
     * missing row; without one, column j's value hashed into {@code hashBuckets} buckets from {@code j * hashBuckets}.
     */
    Operand<TInt64> categoryRows(Operand<TString> raw) {
        CategoryVocabulary vocabulary = definition.vocabulary();
        long buckets = definition.hyperparameters().hashBuckets();
        int columns = definition.features().categorical().size();
        if (vocabulary.isHashed()) {
            long[] offsets = new long[columns];
            Arrays.setAll(offsets, j -> j * buckets);
            return tf.math.add(tf.strings.toHashBucketFast(raw, buckets), tf.constant(offsets));
        }
        List<Operand<TInt64>> rows = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            rows.add(vocabularyRows(tf.gather(raw, tf.constant(j), tf.constant(1)), vocabulary, j));
        }
        return tf.stack(rows, org.tensorflow.op.core.Stack.axis(1L));
    }

    /** How many rows each categorical table has (see {@link #categoryRows}). */
    long categoryTableRows() {
        CategoryVocabulary vocabulary = definition.vocabulary();
        return vocabulary.isHashed()
                ? (long) definition.features().categorical().size() * definition.hyperparameters().hashBuckets()
                : vocabulary.totalRows();
    }

    /**
     * [N]: column j's rows. The frequent values' fingerprints are a sorted constant; a cell's fingerprint is
     * looked up by binary search ({@code LowerBound}), and a cell not found is rare, or missing when empty.
     */
    private Operand<TInt64> vocabularyRows(Operand<TString> cells, CategoryVocabulary vocabulary, int j) {
        long offset = vocabulary.offset(j);
        Operand<TInt64> empty = tf.select(tf.math.equal(cells, tf.constant("")),
                tf.fill(tf.shape(cells, TInt64.class), tf.constant(offset + CategoryVocabulary.MISSING_ROW)),
                tf.fill(tf.shape(cells, TInt64.class), tf.constant(offset + CategoryVocabulary.RARE_ROW)));
        long[] sorted = ValueFingerprints.sorted(vocabulary.frequent().get(j));
        if (sorted.length == 0) {
            return empty;
        }
        Operand<TInt64> prints = ValueFingerprints.of(tf, cells);
        Operand<TInt64> table = tf.constant(new long[][] {sorted});
        Operand<TInt64> at = tf.reshape(tf.lowerBound(table, tf.reshape(prints, tf.constant(new long[] {1, -1})),
                TInt64.class), tf.constant(new long[] {-1}));
        Operand<TInt64> clamped = tf.math.minimum(at, tf.constant((long) sorted.length - 1));
        Operand<TBool> found = tf.math.equal(tf.gather(tf.constant(sorted), clamped, tf.constant(0)), prints);
        Operand<TInt64> frequentRow = tf.math.add(at, tf.constant(offset + CategoryVocabulary.RESERVED_ROWS));
        return tf.select(found, frequentRow, empty);
    }
}
