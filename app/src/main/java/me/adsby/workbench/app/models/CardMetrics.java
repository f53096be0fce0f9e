package me.adsby.workbench.app.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a metric, with its interval when there is one, out of a model card's {@code metrics} JSON, which the
 * publisher shapes. Accepted: a number ({@code "auc": 0.71}); an object with {@code value} and {@code lower} /
 * {@code upper} (or {@code low} / {@code high}), or with {@code interval} as such an object or a two-number
 * list; each either at the top or one level down (e.g. {@code "validation": {"auc": ...}}).
 */
final class CardMetrics {

    private static final List<String> VALUE = List.of("value", "estimate", "point");
    private static final List<String> LOWER = List.of("lower", "low", "ci_lower");
    private static final List<String> UPPER = List.of("upper", "high", "ci_upper");

    private CardMetrics() {
    }

    /** A metric's value and its interval (NaN bounds when there is none). */
    record Reading(double value, double lower, double upper) {

        boolean hasInterval() {
            return !Double.isNaN(lower) && !Double.isNaN(upper);
        }

        /** {@code 0.7120 [0.6900, 0.7340]}, or the value alone. */
        String text() {
            String shown = String.format(Locale.ROOT, "%.4f", value);
            return hasInterval() ? shown + String.format(Locale.ROOT, " [%.4f, %.4f]", lower, upper) : shown;
        }
    }

    /** The metric under {@code key} in the card's metrics, if the card has it in a shape above. */
    static Optional<Reading> read(JsonNode metrics, String key) {
        if (metrics == null || !metrics.isObject()) {
            return Optional.empty();
        }
        Optional<Reading> direct = reading(metrics.get(key));
        if (direct.isPresent()) {
            return direct;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = metrics.fields(); fields.hasNext(); ) {
            JsonNode inner = fields.next().getValue();
            if (inner.isObject()) {
                Optional<Reading> nested = reading(inner.get(key));
                if (nested.isPresent()) {
                    return nested;
                }
            }
        }
        return Optional.empty();
    }

    /** The metric as text for a table cell; "" when the card does not have it. */
    static String text(JsonNode metrics, String key) {
        return read(metrics, key).map(Reading::text).orElse("");
    }

    private static Optional<Reading> reading(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(new Reading(node.doubleValue(), Double.NaN, Double.NaN));
        }
        if (!node.isObject()) {
            return Optional.empty();
        }
        double value = first(node, VALUE);
        if (Double.isNaN(value)) {
            return Optional.empty();
        }
        double lower = first(node, LOWER);
        double upper = first(node, UPPER);
        JsonNode interval = node.get("interval");
        if (interval == null) {
            interval = node.get("ci");
        }
        if (interval != null && interval.isArray() && interval.size() == 2 && interval.get(0).isNumber()
                && interval.get(1).isNumber()) {
            lower = interval.get(0).doubleValue();
            upper = interval.get(1).doubleValue();
        } else if (interval != null && interval.isObject()) {
            lower = first(interval, LOWER);
            upper = first(interval, UPPER);
        }
        return Optional.of(new Reading(value, lower, upper));
    }

    private static double first(JsonNode node, List<String> names) {
        for (String name : names) {
            JsonNode found = node.get(name);
            if (found != null && found.isNumber()) {
                return found.doubleValue();
            }
        }
        return Double.NaN;
    }
}
