package me.adsby.workbench.engine.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A table of predictions of a binary classifier: a 0/1 label and a score in [0, 1] per example, with an
 * optional key per example (to match two models' predictions) and optional categorical slice columns.
 * Immutable: the arrays are copied in and never handed out.
 */
public final class Predictions {

    private final double[] scores;
    private final boolean[] labels;
    private final String[] keys;
    private final Map<String, String[]> slices;
    private final long positives;

    private Predictions(double[] scores, boolean[] labels, String[] keys, Map<String, String[]> slices) {
        this.scores = scores;
        this.labels = labels;
        this.keys = keys;
        this.slices = slices;
        long count = 0;
        for (boolean label : labels) {
            count += label ? 1 : 0;
        }
        this.positives = count;
    }

    /**
     * Scores and labels, example by example.
     *
     * @throws IllegalArgumentException when the lengths differ or a score is not a finite number in [0, 1]
     */
    public static Predictions of(double[] scores, boolean[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        double[] copy = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            double score = scores[i];
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score " + score + " of example " + i + " is not in [0, 1]");
            }
            copy[i] = score + 0.0;  // -0.0 becomes 0.0, so that it sorts as 0
        }
        return new Predictions(copy, labels.clone(), null, Map.of());
    }

    /** These predictions with a key per example; keys must be unique. */
    public Predictions withKeys(String[] newKeys) {
        checkLength(newKeys, "keys");
        String[] copy = newKeys.clone();
        Map<String, Integer> seen = new HashMap<>(copy.length * 2);
        for (int i = 0; i < copy.length; i++) {
            Objects.requireNonNull(copy[i], "key");
            Integer before = seen.put(copy[i], i);
            if (before != null) {
                throw new IllegalArgumentException("key '" + copy[i] + "' appears twice (examples " + before + " and "
                        + i + ")");
            }
        }
        return new Predictions(scores, labels, copy, slices);
    }

    /** These predictions with one more categorical column to slice by (null values become the empty string). */
    public Predictions withSlice(String column, String[] values) {
        checkLength(values, "slice values");
        String[] copy = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i] == null ? "" : values[i];
        }
        Map<String, String[]> more = new LinkedHashMap<>(slices);
        more.put(column, copy);
        return new Predictions(scores, labels, keys, Collections.unmodifiableMap(more));
    }

    private void checkLength(Object[] values, String what) {
        if (values.length != scores.length) {
            throw new IllegalArgumentException(values.length + " " + what + " for " + scores.length + " examples");
        }
    }

    public int size() {
        return scores.length;
    }

    public long positives() {
        return positives;
    }

    public long negatives() {
        return scores.length - positives;
    }

    public double score(int example) {
        return scores[example];
    }

    public boolean label(int example) {
        return labels[example];
    }

    /** A copy of the scores. */
    public double[] scores() {
        return scores.clone();
    }

    /** A copy of the labels. */
    public boolean[] labels() {
        return labels.clone();
    }

    /** The keys, when the table has them. */
    public Optional<List<String>> keys() {
        return keys == null ? Optional.empty() : Optional.of(List.of(keys));
    }

    public List<String> sliceColumns() {
        return List.copyOf(slices.keySet());
    }

    /**
     * The examples of each value of a slice column, the values in their natural order.
     *
     * @throws IllegalArgumentException when there is no such column
     */
    public Map<String, Predictions> bySlice(String column) {
        String[] values = slices.get(column);
        if (values == null) {
            throw new IllegalArgumentException("no slice column '" + column + "' (columns: " + sliceColumns() + ")");
        }
        Map<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            members.computeIfAbsent(values[i], value -> new ArrayList<>()).add(i);
        }
        Map<String, Predictions> result = new LinkedHashMap<>();
        members.forEach((value, indices) -> result.put(value, subset(indices.stream().mapToInt(Integer::intValue)
                .toArray())));
        return Collections.unmodifiableMap(result);
    }

    /** The examples at the given indices, in that order (an index may repeat, so keys are not kept). */
    public Predictions subset(int[] examples) {
        double[] s = new double[examples.length];
        boolean[] y = new boolean[examples.length];
        for (int i = 0; i < examples.length; i++) {
            s[i] = scores[examples[i]];
            y[i] = labels[examples[i]];
        }
        Map<String, String[]> sub = new LinkedHashMap<>();
        slices.forEach((column, values) -> {
            String[] v = new String[examples.length];
            Arrays.setAll(v, i -> values[examples[i]]);
            sub.put(column, v);
        });
        return new Predictions(s, y, null, Collections.unmodifiableMap(sub));
    }

    /** Package-private views without copies, for the metric passes. */
    double[] scoreArray() {
        return scores;
    }

    boolean[] labelArray() {
        return labels;
    }

    String[] keyArray() {
        return keys;
    }
}
