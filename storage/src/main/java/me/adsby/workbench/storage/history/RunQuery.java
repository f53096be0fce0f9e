package me.adsby.workbench.storage.history;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which runs the runs table shows, in which order, and which page of them. Immutable; start from
 * {@link #firstPage(int)} and narrow with the {@code with...} methods.
 *
 * @param experiment only runs of this experiment, or null for all
 * @param statuses   only runs in one of these states; empty for all
 * @param text       only runs whose name contains this text, ignoring case; null or blank for all
 * @param offset     how many matching runs to skip
 * @param limit      the page size, 1 to {@value #MAX_LIMIT}
 */
public record RunQuery(String experiment, Set<RunStatus> statuses, String text, RunSort sort, int offset, int limit) {

    public static final int MAX_LIMIT = 1000;

    public RunQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        text = text == null || text.isBlank() ? null : text.strip();
        Objects.requireNonNull(sort, "sort");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
    }

    /** All runs, newest first, the first {@code limit} of them. */
    public static RunQuery firstPage(int limit) {
        return new RunQuery(null, Set.of(), null, RunSort.newestFirst(), 0, limit);
    }

    public RunQuery withExperiment(String name) {
        return new RunQuery(name, statuses, text, sort, offset, limit);
    }

    public RunQuery withStatuses(Set<RunStatus> only) {
        return new RunQuery(experiment, only, text, sort, offset, limit);
    }

    public RunQuery withText(String contained) {
        return new RunQuery(experiment, statuses, contained, sort, offset, limit);
    }

    public RunQuery withSort(RunSort order) {
        return new RunQuery(experiment, statuses, text, order, offset, limit);
    }

    public RunQuery withPage(int from, int size) {
        return new RunQuery(experiment, statuses, text, sort, from, size);
    }
}
