package me.adsby.workbench.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import me.adsby.workbench.engine.eval.ConfidenceInterval;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricDifference;
import me.adsby.workbench.engine.eval.MetricValue;
import me.adsby.workbench.engine.eval.Verdict;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.Test;

class ComparisonSummaryTest {

    @Test
    void theSentenceNamesBetterAndWorseWithTheirIntervalsAndLeavesThresholdMetricsOut() {
        ComparedRun a = run("A", List.of());
        // Log loss lower by 0.012 with [-0.020, -0.004]: better; AUC's interval holds 0: a tie; accuracy is
        // "better" by its interval but is a threshold metric, so it is left out.
        ComparedRun b = run("B", List.of(
                difference(Metric.LOG_LOSS, -0.012, -0.020, -0.004, Verdict.BETTER),
                difference(Metric.AUC, 0.003, -0.010, 0.016, Verdict.TIE),
                difference(Metric.ACCURACY, 0.05, 0.01, 0.09, Verdict.BETTER)));

        assertThat(ComparisonSummary.of(b, a))
                .isEqualTo("B is better than A on log_loss (-0.0120, 95% -0.0200 to -0.0040); tie on auc");
    }

    @Test
    void onlyWorseOrOnlyTiesReadAsSuch() {
        ComparedRun a = run("A", List.of());
        ComparedRun worse = run("C", List.of(difference(Metric.BRIER, 0.010, 0.002, 0.018, Verdict.WORSE)));
        ComparedRun tied = run("D", List.of(difference(Metric.AUC, 0.0, -0.01, 0.01, Verdict.TIE)));

        assertThat(ComparisonSummary.of(worse, a)).isEqualTo("C is worse than A on brier (+0.0100, 95% +0.0020 to +0.0180)");
        assertThat(ComparisonSummary.of(tied, a)).isEqualTo("D and A tie on auc");
    }

    private static MetricDifference difference(Metric metric, double value, double lower, double upper, Verdict verdict) {
        return new MetricDifference(metric, MetricValue.of(0.5), MetricValue.of(0.5 + value), MetricValue.of(value),
                new ConfidenceInterval(lower, upper, 1000, 1000), OptionalDouble.empty(), verdict, "paired-bootstrap");
    }

    private static ComparedRun run(String name, List<MetricDifference> differences) {
        Run run = new Run("r-" + name, name, "ctr", RunStatus.SUCCEEDED, TrainingTarget.LOCAL_CPU, Instant.EPOCH, null, null,
                null, "/runs/" + name, "tabular");
        return new ComparedRun(run, Map.of(), null, null, Map.of(), null, Map.of(), Map.of(), differences, null);
    }
}
