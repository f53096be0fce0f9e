package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.adsby.workbench.engine.format.Estimates;
import me.adsby.workbench.engine.format.Numbers;
import me.adsby.workbench.storage.dataset.stats.ColumnStatistics;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.ImageSummary;
import me.adsby.workbench.storage.dataset.stats.LabelBalance;
import me.adsby.workbench.storage.dataset.stats.NumericSummary;
import me.adsby.workbench.storage.dataset.stats.ValueCount;

/** Dataset statistics as a table for a terminal. */
final class StatisticsText {

    private StatisticsText() {
    }

    static void print(PrintWriter out, DatasetStatistics statistics) {
        out.printf("%s: %d rows read, %d good, %d bad%n", statistics.file(), statistics.rowsRead(),
                statistics.goodRows(), statistics.badRows());
        statistics.problemCounts().forEach((kind, count) ->
                out.printf("  %s: %d%n", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), count));
        out.println();
        out.printf("%-24s %-11s %-8s %8s %8s %16s  %s%n", "column", "type", "role", "present", "missing",
                "distinct", "summary");
        boolean estimates = false;
        for (ColumnStatistics column : statistics.columns()) {
            out.printf("%-24s %-11s %-8s %8d %8d %16s  %s%n", column.name(),
                    column.type().name().toLowerCase(Locale.ROOT), column.role().name().toLowerCase(Locale.ROOT),
                    column.present(), column.missing(), Estimates.distinct(column.distinct()), summary(column));
            estimates |= column.distinct().estimated()
                    || column.categorical() != null && !column.categorical().exact();
        }
        if (estimates) {
            out.println("≈: estimated by a sketch; ± distinct: about 95% bounds (HyperLogLog); ± count: the most "
                    + "a frequent-items estimate may be off by");
        }
        LabelBalance label = statistics.label();
        if (label != null) {
            out.printf(Locale.ROOT, "%nlabel: %d positive, %d negative, %d missing (%.2f%% positive)%n",
                    label.positives(), label.negatives(), label.missing(), 100 * label.positiveRate());
        }
        ImageSummary images = statistics.image();
        if (images != null) {
            out.printf(Locale.ROOT, "images: %d references, %d probed%s, %.1f%% resolve and decode%n",
                    images.references(), images.probed(), images.sampled() ? " (an even sample)" : "",
                    100 * images.okShare());
            images.statusCounts().forEach((status, count) ->
                    out.printf("  %s: %d%n", status.name().toLowerCase(Locale.ROOT), count));
            for (ImageSummary.ImageProblem problem : images.firstProblems()) {
                out.printf("  %s:%d: image %s%n", statistics.file(), problem.line(), problem.reason());
            }
            long more = images.problems() - images.firstProblems().size();
            if (more > 0) {
                out.printf("  (%d more image problems; datasets validate lists them all)%n", more);
            }
            if (images.width() != null && images.width().count() > 0) {
                out.printf("  width  %s%n  height %s%n", numeric(images.width()), numeric(images.height()));
            }
        }
        out.flush();
    }

    private static String summary(ColumnStatistics column) {
        if (column.numeric() != null && column.numeric().count() > 0) {
            return numeric(column.numeric());
        }
        if (column.categorical() != null) {
            StringBuilder top = new StringBuilder("top: ");
            for (ValueCount value : column.categorical().top(3)) {
                top.append(value.value()).append(" (").append(Estimates.count(value.count(), column.categorical()))
                        .append(") ");
            }
            return top.toString().strip();
        }
        return "";
    }

    private static String numeric(NumericSummary numeric) {
        return String.format(Locale.ROOT, "min %s  p50 %s  max %s  mean %s  sd %s", number(numeric.min()),
                number(numeric.quantiles().p50()), number(numeric.max()), number(numeric.mean()),
                number(numeric.stdDev()));
    }

    private static String number(double value) {
        return Numbers.format(value);
    }
}
