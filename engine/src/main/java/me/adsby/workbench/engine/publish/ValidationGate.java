package me.adsby.workbench.engine.publish;

import static me.adsby.workbench.engine.publish.GateThresholds.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.adsby.workbench.engine.eval.ConfidenceInterval;
import me.adsby.workbench.engine.eval.Evaluation;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.MetricDifference;
import me.adsby.workbench.engine.eval.MetricValue;

/**
 * Judges a candidate against the gate's thresholds (ADR 14). A value threshold passes when the candidate's
 * value meets the bound. A change threshold is judged with the 95% interval of the change (candidate -
 * production, on the same examples), as Compare's verdicts are: it fails only when the whole interval lies
 * beyond the tolerance, so noise neither blocks a better model nor passes a clearly worse one. When the
 * interval straddles the limit the check passes and its reason says so. A failed gate can still be overridden
 * with a written reason.
 */
public final class ValidationGate {

    private ValidationGate() {
    }

    /**
     * @param evaluatedOn       the examples, in words
     * @param candidate         the candidate's metrics on them
     * @param intervals         the candidate's bootstrap intervals
     * @param productionVersion the production version compared with, or null for none (value thresholds only)
     * @param vsProduction      the candidate's differences to production (empty without production)
     */
    public static GateReport judge(String evaluatedOn, Evaluation candidate, Map<Metric, ConfidenceInterval> intervals,
                                   Long productionVersion, List<MetricDifference> vsProduction, GateThresholds thresholds) {
        List<GateCheck> checks = new ArrayList<>();
        for (GateThresholds.ValueThreshold threshold : thresholds.values()) {
            checks.add(value(threshold, candidate.metric(threshold.metric()), intervals.get(threshold.metric())));
        }
        if (productionVersion != null) {
            for (GateThresholds.ChangeThreshold threshold : thresholds.changes()) {
                Optional<MetricDifference> difference = vsProduction.stream()
                        .filter(d -> d.metric() == threshold.metric()).findFirst();
                checks.add(change(threshold, difference.orElse(null)));
            }
        }
        return new GateReport(evaluatedOn, candidate.count(), productionVersion, checks);
    }

    private static GateCheck value(GateThresholds.ValueThreshold threshold, MetricValue value, ConfidenceInterval interval) {
        if (!value.isDefined()) {
            return new GateCheck(threshold.toString(), "candidate " + threshold.metric().key() + " undefined", false,
                    "the candidate's " + threshold.metric().key() + " is undefined: " + value.undefinedReason());
        }
        String values = "candidate " + threshold.metric().key() + " " + format(value.value())
                + (interval != null && interval.isDefined()
                        ? " (95% interval " + format(interval.lower()) + " to " + format(interval.upper()) + ")" : "");
        boolean met = threshold.met(value.value());
        return new GateCheck(threshold.toString(), values, met, met
                ? format(value.value()) + " meets the bound " + format(threshold.bound())
                : format(value.value()) + (threshold.metric().higherIsBetter() ? " is below " : " is above ")
                        + "the bound " + format(threshold.bound()));
    }

    private static GateCheck change(GateThresholds.ChangeThreshold threshold, MetricDifference difference) {
        String key = threshold.metric().key();
        if (difference == null || !difference.difference().isDefined() || difference.interval() == null
                || !difference.interval().isDefined()) {
            String why = difference == null ? "not computed" : difference.difference().isDefined()
                    ? "its interval is undefined" : difference.difference().undefinedReason();
            return new GateCheck(threshold.toString(), "change in " + key + " undefined", false,
                    "the change in " + key + " against production cannot be judged: " + why);
        }
        double lower = difference.interval().lower();
        double upper = difference.interval().upper();
        String values = "candidate " + format(difference.candidate().value()) + ", production "
                + format(difference.baseline().value()) + ", change " + signed(difference.difference().value())
                + " (95% interval " + signed(lower) + " to " + signed(upper) + ")";
        boolean higherIsBetter = threshold.metric().higherIsBetter();
        double limit = higherIsBetter ? -threshold.tolerance() : threshold.tolerance();
        // The interval's ends, worst first in the metric's direction.
        double worst = higherIsBetter ? lower : upper;
        double best = higherIsBetter ? upper : lower;
        boolean worstWithin = higherIsBetter ? worst >= limit : worst <= limit;
        boolean bestBeyond = higherIsBetter ? best < limit : best > limit;
        boolean passed = !bestBeyond;
        String reason;
        if (worstWithin) {
            reason = "the whole interval is within the " + signed(limit) + " allowed";
        } else if (passed) {
            reason = "not shown to be worse than allowed: the interval reaches " + signed(worst) + ", beyond the "
                    + signed(limit) + " allowed, but also " + signed(best) + " (more examples would tell)";
        } else {
            reason = "the whole interval is beyond the " + signed(limit) + " allowed: the candidate is worse than"
                    + " production by more than the tolerance";
        }
        return new GateCheck(threshold.toString(), values, passed, reason);
    }

    private static String signed(double value) {
        return String.format(java.util.Locale.ROOT, "%+.4f", value);
    }
}
