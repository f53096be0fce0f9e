package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalization on a hand-made batch of 4 one-pixel images with 2 channels: channel 0 is 0, 0, 4, 4 (mean
 * 2, variance 4, or 16/3 with Bessel's correction), channel 1 is 1 everywhere (mean 1, variance 0).
 */
class BatchNormTest {

    private static final float[][][][] BATCH = {{{{0f, 1f}}}, {{{0f, 1f}}}, {{{4f, 1f}}}, {{{4f, 1f}}}};
    private static final float EPSILON = 1e-3f;
    private static final float TOLERANCE = 1e-5f;

    @Test
    void trainingNormalizesByTheBatchAndMovesTheMovingStatisticsByOneHundredthOfTheGap() {
        assertThat(BatchNorm.MOMENTUM).isEqualTo(0.99f);
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Weights weights = Weights.forTraining(tf, 1L);
            Operand<TBool> training = tf.placeholderWithDefault(tf.constant(false), Shape.scalar());
            Operand<TFloat32> y = new BatchNorm(tf, weights, training).apply("bn", tf.constant(BATCH), 2);
            List<Op> updates = weights.updates();
            assertThat(updates).hasSize(2);
            try (Session session = new Session(graph)) {
                // Before any step, scoring uses the starting moving statistics: mean 0, variance 1.
                float[][] scoredAtStart = run(session, y, training, false, List.of());
                float atStart = (float) (1 / Math.sqrt(1 + EPSILON));
                assertThat(scoredAtStart[0]).containsExactly(new float[] {0f, 0f, 4 * atStart, 4 * atStart}, within(TOLERANCE));
                assertThat(scoredAtStart[1]).containsExactly(new float[] {atStart, atStart, atStart, atStart}, within(TOLERANCE));

                // A training step: (x - 2) / sqrt(4 + eps) on channel 0; channel 1 has no spread, so 0 (beta).
                float[][] trained = run(session, y, training, true, updates);
                float half = (float) (2 / Math.sqrt(4 + EPSILON));
                assertThat(trained[0]).containsExactly(new float[] {-half, -half, half, half}, within(TOLERANCE));
                assertThat(trained[1]).containsExactly(new float[] {0f, 0f, 0f, 0f}, within(TOLERANCE));

                // moving += 0.01 * (batch - moving): means 0.02 and 0.01; variances 1 + 0.01 * (16/3 - 1), 0.99.
                assertThat(value(session, "bn_moving_mean")).containsExactly(new float[] {0.02f, 0.01f}, within(TOLERANCE));
                assertThat(value(session, "bn_moving_variance"))
                        .containsExactly(new float[] {1.0433333f, 0.99f}, within(TOLERANCE));

                // Scoring now uses those statistics.
                float[][] scored = run(session, y, training, false, List.of());
                float scale0 = (float) (1 / Math.sqrt(1.0433333 + EPSILON));
                float scale1 = (float) (1 / Math.sqrt(0.99 + EPSILON));
                assertThat(scored[0]).containsExactly(new float[] {-0.02f * scale0, -0.02f * scale0, 3.98f * scale0,
                        3.98f * scale0}, within(TOLERANCE));
                assertThat(scored[1]).containsExactly(new float[] {0.99f * scale1, 0.99f * scale1, 0.99f * scale1,
                        0.99f * scale1}, within(TOLERANCE));
                // Scoring moves nothing.
                assertThat(value(session, "bn_moving_mean")).containsExactly(new float[] {0.02f, 0.01f}, within(TOLERANCE));
            }
        }
    }

    @Test
    void gammaAndBetaAreTrainedButNotPenalisedAndTheMovingStatisticsAreNeither() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Weights weights = Weights.forTraining(tf, 1L);
            Operand<TBool> training = tf.placeholderWithDefault(tf.constant(false), Shape.scalar());
            new BatchNorm(tf, weights, training).apply("bn", tf.constant(BATCH), 2);
            assertThat(names(weights.trainable())).containsExactly("bn_gamma", "bn_beta");
            assertThat(weights.penalized()).isEmpty();
        }
    }

    @Test
    void anInferenceGraphHasTheSameVariablesAndNoUpdates() {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Weights weights = Weights.forRestoring(tf);
            new BatchNorm(tf, weights, null).apply("bn", tf.constant(BATCH), 2);
            assertThat(weights.updates()).isEmpty();
            assertThat(graph.operation("bn_moving_mean")).isNotNull();
            assertThat(graph.operation("bn_moving_variance")).isNotNull();
            assertThat(graph.operation("bn_gamma")).isNotNull();
            assertThat(graph.operation("bn_beta")).isNotNull();
        }
    }

    /** y's two channels, each as the batch's 4 values. */
    private static float[][] run(Session session, Operand<TFloat32> y, Operand<TBool> training, boolean on, List<Op> targets) {
        try (TBool flag = TBool.scalarOf(on)) {
            Session.Runner runner = session.runner().feed(training, flag).fetch(y);
            targets.forEach(runner::addTarget);
            try (Result result = runner.run()) {
                TFloat32 out = (TFloat32) result.get(0);
                float[][] channels = new float[2][4];
                for (int c = 0; c < 2; c++) {
                    for (int n = 0; n < 4; n++) {
                        channels[c][n] = out.getFloat(n, 0, 0, c);
                    }
                }
                return channels;
            }
        }
    }

    private static float[] value(Session session, String variable) {
        try (Result result = session.runner().fetch(variable).run()) {
            TFloat32 out = (TFloat32) result.get(0);
            return new float[] {out.getFloat(0), out.getFloat(1)};
        }
    }

    private static List<String> names(List<Variable<TFloat32>> variables) {
        return variables.stream().map(v -> v.op().name()).toList();
    }
}
