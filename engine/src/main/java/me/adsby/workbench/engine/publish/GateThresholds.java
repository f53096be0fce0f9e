package me.adsby.workbench.engine.publish;

import java.util.List;
import java.util.Locale;
import me.adsby.workbench.engine.eval.Metric;

/**
 * The validation gate's thresholds, as TFMA's: value thresholds on the candidate alone, and change thresholds
 * against the production version, both on the same evaluation examples.
 *
 * @param values  bounds on the candidate's value (at least for higher-is-better metrics, at most otherwise)
 * @param changes the most a metric may move the wrong way against production
 */
public record GateThresholds(List<ValueThreshold> values, List<ChangeThreshold> changes) {

    /**
     * A bound on a metric's value: {@code metric >= bound} when higher is better, {@code metric <= bound}
     * otherwise.
     */
    public record ValueThreshold(Metric metric, double bound) {

        /** Whether a value meets the bound. */
        public boolean met(double value) {
            return metric.higherIsBetter() ? value >= bound : value <= bound;
        }

        @Override
        public String toString() {
            return metric.key() + (metric.higherIsBetter() ? " >= " : " <= ") + format(bound);
        }
    }

    /**
     * The most a metric may get worse against production ({@code tolerance >= 0}, in the metric's units): a
     * drop for higher-is-better metrics, a rise otherwise.
     */
    public record ChangeThreshold(Metric metric, double tolerance) {

        public ChangeThreshold {
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("a change tolerance must be >= 0, was " + tolerance);
            }
        }

        @Override
        public String toString() {
            return metric.key() + (metric.higherIsBetter() ? " not lower than production by more than "
                    : " not higher than production by more than ") + format(tolerance);
        }
    }

    public GateThresholds {
        values = List.copyOf(values);
        changes = List.copyOf(changes);
    }

    /**
     * AUC at least 0.60; against production, AUC not lower by more than 0.005 and log loss not higher by more
     * than 0.005.
     */
    public static GateThresholds defaults() {
        return new GateThresholds(List.of(new ValueThreshold(Metric.AUC, 0.60)),
                List.of(new ChangeThreshold(Metric.AUC, 0.005), new ChangeThreshold(Metric.LOG_LOSS, 0.005)));
    }

    /**
     * Parses a value threshold as written on the command line: {@code auc>=0.7} or {@code log_loss<=0.4}; the
     * direction must be the metric's.
     */
    public static ValueThreshold parseValue(String text) {
        String[] parts = text.split(">=|<=", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a value threshold reads METRIC>=X or METRIC<=X, not '" + text + "'");
        }
        Metric metric = metric(parts[0].trim());
        boolean atLeast = text.contains(">=");
        if (atLeast != metric.higherIsBetter()) {
            throw new IllegalArgumentException(metric.key() + " is " + (metric.higherIsBetter() ? "higher" : "lower")
                    + "-is-better: write " + metric.key() + (metric.higherIsBetter() ? ">=" : "<=") + parts[1].trim());
        }
        return new ValueThreshold(metric, number(parts[1].trim(), text));
    }

    /** Parses a change threshold as written on the command line: {@code auc=0.005}. */
    public static ChangeThreshold parseChange(String text) {
        String[] parts = text.split("=", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a change threshold reads METRIC=TOLERANCE, not '" + text + "'");
        }
        return new ChangeThreshold(metric(parts[0].trim()), number(parts[1].trim(), text));
    }

    private static Metric metric(String key) {
        for (Metric metric : Metric.values()) {
            if (metric.key().equals(key.toLowerCase(Locale.ROOT))) {
                return metric;
            }
        }
        throw new IllegalArgumentException("no metric '" + key + "'; the metrics are "
                + java.util.Arrays.stream(Metric.values()).map(Metric::key).toList());
    }

    private static double number(String text, String whole) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' in '" + whole + "' is not a number");
        }
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
