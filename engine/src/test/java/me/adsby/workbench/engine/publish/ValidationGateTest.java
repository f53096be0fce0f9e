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
    void aChangeFailsOnlyWhenItsWholeIntervalIsBeyondTheTolerance() {
        GateThresholds auc = new GateThresholds(List.of(), List.of(GateThresholds.parseChange("auc=0.005")));
        // Better by 0.03, interval [+0.01, +0.05]: even the worst end is above -0.005.
        GateReport better = judge(3L, List.of(aucChange(0.03, 0.01, 0.05)), auc);
        assertThat(better.passed()).isTrue();
        assertThat(better.toText()).contains("the whole interval is within the -0.0050 allowed");
        // Identical models: [0, 0] is within.
        assertThat(judge(3L, List.of(aucChange(0.0, 0.0, 0.0)), auc).passed()).isTrue();
        // -0.001 with an interval from -0.02 to +0.018: it may be worse than allowed, but that is not shown.
        GateReport unsure = judge(3L, List.of(aucChange(-0.001, -0.02, 0.018)), auc);
        assertThat(unsure.passed()).isTrue();
        assertThat(unsure.toText()).contains("not shown to be worse than allowed: the interval reaches -0.0200");
        // Worse by 0.04, interval [-0.06, -0.02]: all of it below -0.005.
        GateReport worse = judge(3L, List.of(aucChange(-0.04, -0.06, -0.02)), auc);
        assertThat(worse.passed()).isFalse();
        assertThat(worse.toText()).contains("against production version 3", "FAIL  auc not lower than production",
                "the whole interval is beyond the -0.0050 allowed");
    }

    @Test
    void forALowerIsBetterMetricTheLimitIsARise() {
        GateThresholds loss = new GateThresholds(List.of(), List.of(GateThresholds.parseChange("log_loss=0.005")));
        MetricDifference rise = new MetricDifference(Metric.LOG_LOSS, MetricValue.of(0.30), MetricValue.of(0.33),
                MetricValue.of(0.03), new ConfidenceInterval(0.01, 0.05, 1000, 1000), OptionalDouble.empty(),
                Verdict.WORSE, "paired-bootstrap");
        // A rise of 0.03 whose whole interval [+0.01, +0.05] is above +0.005.
        assertThat(judge(3L, List.of(rise), loss).toText()).contains("FAIL  log_loss not higher than production",
                "the whole interval is beyond the +0.0050 allowed");
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
