package me.adsby.workbench.app.runs;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import me.adsby.workbench.storage.history.RunStatus;

/**
 * A choice of the runs table's status filter: all runs, the active ones, or one status.
 *
 * @param statuses the statuses shown; empty for all
 */
public record StatusFilter(String title, Set<RunStatus> statuses) {

    public static final StatusFilter ALL = new StatusFilter("All statuses", Set.of());
    public static final StatusFilter ACTIVE = new StatusFilter("Active (queued, starting, running)",
            EnumSet.of(RunStatus.QUEUED, RunStatus.STARTING, RunStatus.RUNNING));
    public static final StatusFilter STOPPED_UNFINISHED = new StatusFilter("Failed or interrupted",
            EnumSet.of(RunStatus.FAILED, RunStatus.INTERRUPTED));

    public StatusFilter {
        statuses = Set.copyOf(statuses);
    }

    /** Every choice, in the order the filter offers them. */
    public static List<StatusFilter> choices() {
        return Stream.concat(Stream.of(ALL, ACTIVE, STOPPED_UNFINISHED),
                Stream.of(RunStatus.values()).map(StatusFilter::only)).toList();
    }

    public static StatusFilter only(RunStatus status) {
        String name = status.name().toLowerCase(Locale.ROOT);
        return new StatusFilter(Character.toUpperCase(name.charAt(0)) + name.substring(1), EnumSet.of(status));
    }

    @Override
    public String toString() {
        return title;
    }
}
