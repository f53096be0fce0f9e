package me.adsby.workbench.storage.dataset.stats;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;

/**
 * Statistics of a dataset snapshot, from one streaming pass over the good rows. Plain data: it serialises
 * with Jackson (the numeric distributions as arrays), and two of them can be compared for drift.
 *
 * @param file          the file's name
 * @param rowsRead      rows read (good and bad)
 * @param goodRows      rows the statistics are over
 * @param badRows       rows skipped for a problem (under a skip-and-count policy)
 * @param problemCounts problems per kind
 * @param problems      the first problems (at most {@link StatisticsOptions#maxProblemDetails()})
 * @param columns       per column, in the header's order
 * @param label         the label's balance, or null without a label column
 * @param image         what probing the image column found, or null without a probe or an image column
 */
public record DatasetStatistics(String file, long rowsRead, long goodRows, long badRows,
                                Map<ProblemKind, Long> problemCounts, List<RowProblem> problems,
                                List<ColumnStatistics> columns, LabelBalance label, ImageSummary image) {

    public DatasetStatistics {
        problemCounts = Map.copyOf(problemCounts);
        problems = List.copyOf(problems);
        columns = List.copyOf(columns);
    }

    public Optional<ColumnStatistics> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
