package me.adsby.workbench.engine.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Compares two models scored on the same examples, metric by metric: the ROC AUC by DeLong's test (its
 * interval and p-value from the normal approximation), every other metric by a paired bootstrap (both models
 * weighted by the same draw of examples in each resample; percentile interval of the difference).
 *
 * @param threshold the threshold of the threshold metrics (score >= threshold predicts 1)
 * @param bootstrap resamples and seed of the paired bootstrap
 */
public record ModelComparison(double threshold, Bootstrap bootstrap) {

    public static final String DELONG = "delong";
    public static final String PAIRED_BOOTSTRAP = "paired-bootstrap";

    /** The metrics' differences, in {@link Metric} order. */
    public List<MetricDifference> compare(PairedPredictions pair) {
        Evaluator evaluator = new Evaluator(threshold, CurveDownsampler.DEFAULT_MAX_POINTS);
        Evaluation baseline = evaluator.metricsOnly(pair.baseline());
        Evaluation candidate = evaluator.metricsOnly(pair.candidate());
        Map<Metric, ConfidenceInterval> intervals = bootstrap.differenceIntervals(pair, threshold);
        List<MetricDifference> differences = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            MetricValue a = baseline.metric(metric);
            MetricValue b = candidate.metric(metric);
            MetricValue difference = a.isDefined() && b.isDefined() ? MetricValue.of(b.value() - a.value())
                    : MetricValue.undefined(a.isDefined() ? "candidate: " + b.undefinedReason()
                    : "baseline: " + a.undefinedReason());
            if (metric == Metric.AUC && a.isDefined() && b.isDefined() && enoughForDeLong(baseline)) {
                DeLongResult delong = DeLongTest.compare(pair);
                differences.add(new MetricDifference(metric, a, b, difference, delong.interval(),
                        OptionalDouble.of(delong.pValue()),
                        Verdict.of(metric, delong.interval().lower(), delong.interval().upper()), DELONG));
            } else {
                ConfidenceInterval interval = difference.isDefined() ? intervals.get(metric)
                        : ConfidenceInterval.undefined(bootstrap.resamples());
                differences.add(new MetricDifference(metric, a, b, difference, interval, OptionalDouble.empty(),
                        Verdict.of(metric, interval.lower(), interval.upper()), PAIRED_BOOTSTRAP));
            }
        }
        return Collections.unmodifiableList(differences);
    }

    private static boolean enoughForDeLong(Evaluation evaluation) {
        return evaluation.positives() >= 2 && evaluation.count() - evaluation.positives() >= 2;
    }
}
