package me.adsby.workbench.engine.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * 63-bit fingerprints of categorical values, by TensorFlow's own {@code StringToHashBucketFast} (its 64-bit
 * fingerprint modulo {@code 2^63 - 1}), in the graph and, for a vocabulary, computed once ahead by the same
 * kernel in an eager session, so both sides agree by construction. Two distinct values share a fingerprint with
 * a chance of about {@code 2^-63}.
 */
final class ValueFingerprints {

    private ValueFingerprints() {
    }

    /** The cells' fingerprints, in the graph. */
    static Operand<TInt64> of(Ops tf, Operand<TString> cells) {
        return tf.strings.toHashBucketFast(cells, Long.MAX_VALUE);
    }

    /** The values' fingerprints, ascending. */
    static long[] sorted(List<String> values) {
        if (values.isEmpty()) {
            return new long[0];
        }
        long[] prints = new long[values.size()];
        try (EagerSession session = EagerSession.create()) {
            Ops tf = Ops.create(session);
            Operand<TInt64> hashed = of(tf, tf.constant(StandardCharsets.UTF_8, values.toArray(String[]::new)));
            try (TInt64 tensor = hashed.asTensor()) {
                for (int i = 0; i < prints.length; i++) {
                    prints[i] = tensor.getLong(i);
                }
            }
        }
        Arrays.sort(prints);
        return prints;
    }
}
