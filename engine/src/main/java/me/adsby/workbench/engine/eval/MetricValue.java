package me.adsby.workbench.engine.eval;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A metric's value, or why it has none (an AUC with a single class, a precision with no predicted positive).
 * An undefined metric is never shown as 0 or NaN.
 *
 * @param value           the value; NaN exactly when undefined
 * @param undefinedReason why there is no value; null when defined
 */
public record MetricValue(double value, String undefinedReason) {

    public MetricValue {
        if (undefinedReason == null && !Double.isFinite(value)) {
            throw new IllegalArgumentException("a defined metric must be finite, was " + value);
        }
        if (undefinedReason != null) {
            value = Double.NaN;
        }
    }

    public static MetricValue of(double value) {
        return new MetricValue(value, null);
    }

    public static MetricValue undefined(String reason) {
        return new MetricValue(Double.NaN, Objects.requireNonNull(reason, "reason"));
    }

    /** {@code numerator / denominator}, undefined with the reason given when the denominator is 0. */
    static MetricValue ratio(double numerator, double denominator, String reasonWhenZero) {
        return denominator == 0 ? undefined(reasonWhenZero) : of(numerator / denominator);
    }

    public boolean isDefined() {
        return undefinedReason == null;
    }

    public OptionalDouble asOptional() {
        return isDefined() ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** The value boxed, or null when undefined (a JSON null). */
    public Double orNull() {
        return isDefined() ? value : null;
    }

    @Override
    public String toString() {
        return isDefined() ? Double.toString(value) : "undefined (" + undefinedReason + ")";
    }
}
