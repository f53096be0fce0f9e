package me.adsby.workbench.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import me.adsby.workbench.engine.eval.ConfidenceInterval;
import me.adsby.workbench.engine.eval.Evaluator;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricDifference;
import me.adsby.workbench.engine.eval.MetricValue;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.engine.eval.Verdict;
import org.junit.jupiter.api.Test;

class ValidationGateTest {

    // AUC 3/4 (see the eval tests: labels 0, 0, 1, 1; scores 0.1, 0.4, 0.35, 0.8).
    private static final Predictions CANDIDATE = Predictions.of(new double[] {0.1, 0.4, 0.35, 0.8},
            new boolean[] {false, false, true, true});

    private static MetricDifference aucChange(double difference, double lower, double upper) {
        return new MetricDifference(Metric.AUC, MetricValue.of(0.75 - difference), MetricValue.of(0.75),
                MetricValue.of(difference), new ConfidenceInterval(lower, upper, 1000, 1000), OptionalDouble.empty(),
                Verdict.of(Metric.AUC, lower, upper), "delong");
    }

    private static GateReport judge(Long production, List<MetricDifference> differences, GateThresholds thresholds) {
        return ValidationGate.judge("holdout.csv", Evaluator.defaults().metricsOnly(CANDIDATE), java.util.Map.of(),
                production, differences, thresholds);
    }

    @Test
    void aValueThresholdReadsTheCandidatesValue() {
        assertThat(judge(null, List.of(), new GateThresholds(List.of(GateThresholds.parseValue("auc>=0.7")), List.of()))
                .passed()).isTrue();
        GateReport failed = judge(null, List.of(),
                new GateThresholds(List.of(GateThresholds.parseValue("auc>=0.8")), List.of()));
        assertThat(failed.passed()).isFalse();
        assertThat(failed.toText()).contains("FAIL  auc >= 0.8000", "0.7500 is below the bound 0.8000",
                "no production version yet");
    }

    @Test
    void aChangePassesOnlyWhenItsWholeIntervalIsWithinTheTolerance() {
        GateThresholds auc = new GateThresholds(List.of(), List.of(GateThresholds.parseChange("auc=0.005")));
        // Better by 0.03, interval [+0.01, +0.05]: even the worst end is above -0.005.
        assertThat(judge(3L, List.of(aucChange(0.03, 0.01, 0.05)), auc).passed()).isTrue();
        // The same point, identical models: [0, 0] is within.
        assertThat(judge(3L, List.of(aucChange(0.0, 0.0, 0.0)), auc).passed()).isTrue();
        // A point estimate of -0.001 (within) whose interval reaches -0.02 (beyond): not shown to be no worse.
        GateReport unsure = judge(3L, List.of(aucChange(-0.001, -0.02, 0.018)), auc);
        assertThat(unsure.passed()).isFalse();
        assertThat(unsure.toText()).contains("against production version 3", "the interval reaches -0.0200",
                "beyond the -0.0050 allowed");
    }

    @Test
    void withoutProductionOnlyValueThresholdsApply() {
        GateReport report = judge(null, List.of(), GateThresholds.defaults());
        assertThat(report.checks()).extracting(GateCheck::threshold).containsExactly("auc >= 0.6000");
    }

    @Test
    void thresholdsThatReadTheWrongWayAreRefused() {
        assertThatThrownBy(() -> GateThresholds.parseValue("auc<=0.7")).hasMessageContaining("write auc>=0.7");
        assertThatThrownBy(() -> GateThresholds.parseValue("gini>=0.7")).hasMessageContaining("no metric 'gini'");
        assertThatThrownBy(() -> GateThresholds.parseChange("auc=-1")).hasMessageContaining("must be >= 0");
    }
}
