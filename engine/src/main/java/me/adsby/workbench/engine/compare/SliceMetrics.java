package me.adsby.workbench.engine.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.adsby.workbench.engine.eval.Bootstrap;
import me.adsby.workbench.engine.eval.ConfidenceInterval;
import me.adsby.workbench.engine.eval.Evaluator;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricValue;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.storage.work.Cancellation;

/** One metric of a run per value of a categorical column, with bootstrap intervals (as TFMA's slicing). */
public final class SliceMetrics {

    /**
     * The metric on one slice.
     *
     * @param value    the column's value
     * @param count    examples in the slice
     * @param metric   the metric there (undefined, e.g. an AUC on a slice of one class, when it is)
     * @param interval its bootstrap 95% interval, or null when undefined
     */
    public record Slice(String value, long count, MetricValue metric, ConfidenceInterval interval) {
    }

    private SliceMetrics() {
    }

    /** Every slice of {@code column}, in the order of its values. */
    public static List<Slice> of(Predictions predictions, String column, Metric metric, Bootstrap bootstrap,
                                 double threshold, Cancellation cancel) {
        Evaluator evaluator = new Evaluator(threshold, Evaluator.defaults().maxCurvePoints());
        List<Slice> slices = new ArrayList<>();
        for (Map.Entry<String, Predictions> slice : predictions.bySlice(column).entrySet()) {
            cancel.throwIfCancelled();
            Predictions part = slice.getValue();
            MetricValue value = evaluator.metricsOnly(part).metric(metric);
            ConfidenceInterval interval = value.isDefined() ? bootstrap.intervals(part, threshold).get(metric) : null;
            slices.add(new Slice(slice.getKey(), part.size(), value,
                    interval != null && interval.isDefined() ? interval : null));
        }
        return slices;
    }
}
