package me.adsby.workbench.engine.compare;

import java.util.List;
import java.util.Map;
import me.adsby.workbench.engine.eval.ConfidenceInterval;
import me.adsby.workbench.engine.eval.Evaluation;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricDifference;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.storage.history.MetricPoint;
import me.adsby.workbench.storage.history.Run;

/**
 * One run in a comparison.
 *
 * @param run            the run
 * @param params         its parameters
 * @param predictions    the predictions compared (with the categorical columns as slices)
 * @param evaluation     metrics and curves of the predictions
 * @param intervals      a bootstrap 95% interval per metric
 * @param epoch          the epoch whose recorded metrics {@code epochMetrics} holds, or null when none was recorded
 * @param epochMetrics   that epoch's recorded metrics (train_loss, val_loss, val_auc, ...)
 * @param series         every recorded epoch metric by key, for charts
 * @param differences    against the baseline, per metric; empty for the baseline and for unpaired runs
 * @param unpairedReason why the run could not be paired with the baseline, or null
 */
public record ComparedRun(Run run, Map<String, String> params, Predictions predictions, Evaluation evaluation,
                          Map<Metric, ConfidenceInterval> intervals, Integer epoch, Map<String, Double> epochMetrics,
                          Map<String, List<MetricPoint>> series, List<MetricDifference> differences,
                          String unpairedReason) {

    public ComparedRun {
        params = Map.copyOf(params);
        intervals = Map.copyOf(intervals);
        epochMetrics = Map.copyOf(epochMetrics);
        series = Map.copyOf(series);
        differences = List.copyOf(differences);
    }

    public String id() {
        return run.id();
    }

    /** The run's name, for legends and headers. */
    public String name() {
        return run.name();
    }

    /** The difference to the baseline for a metric, if paired. */
    public java.util.Optional<MetricDifference> difference(Metric metric) {
        return differences.stream().filter(d -> d.metric() == metric).findFirst();
    }
}
