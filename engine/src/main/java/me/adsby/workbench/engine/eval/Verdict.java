package me.adsby.workbench.engine.eval;

/**
 * How a candidate model compares with a baseline on one metric: better or worse only when the 95% interval of
 * the difference (candidate - baseline) excludes 0, in the metric's direction; a tie otherwise.
 */
public enum Verdict {
    BETTER, TIE, WORSE;

    /**
     * The verdict for an interval [lower, upper] of candidate - baseline. An undefined interval (NaN bounds)
     * is a tie: nothing was shown.
     */
    public static Verdict of(Metric metric, double lower, double upper) {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            return TIE;
        }
        boolean above = lower > 0;
        boolean below = upper < 0;
        if (!above && !below) {
            return TIE;
        }
        return above == metric.higherIsBetter() ? BETTER : WORSE;
    }
}
