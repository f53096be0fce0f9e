package me.adsby.workbench.engine.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Two models' predictions of the same examples, example i of one matched with example i of the other: by key
 * when both tables have keys, else by row order when they have as many rows. The labels must agree.
 *
 * @param baseline  the model compared against
 * @param candidate the model compared, in the baseline's example order
 */
public record PairedPredictions(Predictions baseline, Predictions candidate) {

    private static final int EXAMPLES_SHOWN = 5;

    /**
     * Matches two tables.
     *
     * @throws IllegalArgumentException naming what does not match: keys missing on either side, row counts, or
     *                                  labels that differ
     */
    public static PairedPredictions match(Predictions baseline, Predictions candidate) {
        String[] baseKeys = baseline.keyArray();
        String[] candidateKeys = candidate.keyArray();
        Predictions aligned;
        boolean byKey = baseKeys != null && candidateKeys != null;
        if (byKey) {
            aligned = alignByKey(baseKeys, candidate, candidateKeys);
        } else if (baseline.size() == candidate.size()) {
            aligned = candidate;
        } else {
            throw new IllegalArgumentException("the baseline has " + baseline.size() + " predictions and the candidate "
                    + candidate.size() + ", and they have no keys to match them by");
        }
        List<String> differing = new ArrayList<>();
        int differences = 0;
        for (int i = 0; i < baseline.size(); i++) {
            if (baseline.label(i) != aligned.label(i)) {
                differences++;
                if (differing.size() < EXAMPLES_SHOWN) {
                    differing.add(byKey ? "key '" + baseKeys[i] + "'" : "row " + (i + 1));
                }
            }
        }
        if (differences > 0) {
            throw new IllegalArgumentException("the labels of " + differences + " matched examples differ, e.g. at "
                    + String.join(", ", differing) + ": these are not predictions of the same examples");
        }
        return new PairedPredictions(baseline, aligned);
    }

    private static Predictions alignByKey(String[] baseKeys, Predictions candidate, String[] candidateKeys) {
        Map<String, Integer> candidateRow = new HashMap<>(candidateKeys.length * 2);
        for (int i = 0; i < candidateKeys.length; i++) {
            candidateRow.put(candidateKeys[i], i);
        }
        int[] rows = new int[baseKeys.length];
        List<String> missing = new ArrayList<>();
        int missingCount = 0;
        for (int i = 0; i < baseKeys.length; i++) {
            Integer row = candidateRow.get(baseKeys[i]);
            if (row == null) {
                missingCount++;
                if (missing.size() < EXAMPLES_SHOWN) {
                    missing.add("'" + baseKeys[i] + "'");
                }
            } else {
                rows[i] = row;
            }
        }
        int extra = candidateKeys.length - (baseKeys.length - missingCount);
        if (missingCount > 0 || extra > 0) {
            throw new IllegalArgumentException("the keys do not match: " + missingCount + " of the baseline's "
                    + baseKeys.length + " keys are not in the candidate" + (missing.isEmpty() ? "" : " (e.g. "
                    + String.join(", ", missing) + ")") + ", and " + extra + " of the candidate's "
                    + candidateKeys.length + " are not in the baseline");
        }
        return candidate.subset(rows).withKeys(baseKeys);
    }

    public int size() {
        return baseline.size();
    }
}
