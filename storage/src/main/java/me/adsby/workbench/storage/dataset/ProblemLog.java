package me.adsby.workbench.storage.dataset;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts problems per kind and keeps the details of the first {@code maxDetails}, so that memory stays
 * bounded on huge files. Not thread-safe.
 */
public final class ProblemLog {

    /** The usual number of problem details kept. */
    public static final int DEFAULT_MAX_DETAILS = 10_000;

    private final int maxDetails;
    private final long[] counts = new long[ProblemKind.values().length];
    private final List<RowProblem> details = new ArrayList<>();
    private long total;

    public ProblemLog(int maxDetails) {
        if (maxDetails < 0) {
            throw new IllegalArgumentException("maxDetails must be >= 0, was " + maxDetails);
        }
        this.maxDetails = maxDetails;
    }

    public void add(RowProblem problem) {
        counts[problem.kind().ordinal()]++;
        total++;
        if (details.size() < maxDetails) {
            details.add(problem);
        }
    }

    public long total() {
        return total;
    }

    /** The kept details, in file order. */
    public List<RowProblem> details() {
        return List.copyOf(details);
    }

    /** How many problems were counted but not kept. */
    public long detailsLeftOut() {
        return total - details.size();
    }

    /** Counts of the kinds seen (kinds never seen are left out), in the enum's order. */
    public Map<ProblemKind, Long> countsByKind() {
        Map<ProblemKind, Long> map = new EnumMap<>(ProblemKind.class);
        for (ProblemKind kind : ProblemKind.values()) {
            if (counts[kind.ordinal()] > 0) {
                map.put(kind, counts[kind.ordinal()]);
            }
        }
        return map;
    }
}
