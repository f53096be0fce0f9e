package me.adsby.workbench.storage.dataset.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.csv.CsvRowReader;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.LabelNames;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.Values;

/**
 * Label values, checked whether the label is declared or not. A schema's label column is checked row by row
 * as the rows are parsed ({@link RowParser}); a schema without a label is checked here: each column named like
 * a label ({@link LabelNames}) whose values are not all binary is one problem, at the line of its first value
 * that is not, so that a label that cannot be used is said, not silently left out. The rows are read again
 * only in that case.
 */
final class LabelCheck {

    private LabelCheck() {
    }

    /** The report with the label problems of a schema without a label added; the report itself otherwise. */
    static ValidationReport addTo(CsvSource source, Schema schema, ValidationReport report) throws IOException {
        List<ColumnSchema> named = schema.label().isPresent() ? List.of()
                : schema.columns().stream().filter(c -> LabelNames.matches(c.name())).toList();
        if (named.isEmpty() || report.problemCounts().containsKey(ProblemKind.HEADER_MISMATCH)) {
            return report;
        }
        List<RowProblem> found = scan(source, named);
        if (found.isEmpty()) {
            return report;
        }
        Map<ProblemKind, Long> counts = new EnumMap<>(ProblemKind.class);
        counts.putAll(report.problemCounts());
        counts.merge(ProblemKind.LABEL_NOT_BINARY, (long) found.size(), Long::sum);
        List<RowProblem> problems = new ArrayList<>(report.problems());
        problems.addAll(found);
        problems.sort(Comparator.comparingLong(RowProblem::line));
        return new ValidationReport(report.file(), report.rowsRead(), report.goodRows(), report.badRows(),
                report.blankLines(), counts, problems, report.detailsLeftOut(), report.complete());
    }

    private static List<RowProblem> scan(CsvSource source, List<ColumnSchema> columns) throws IOException {
        long[] firstLine = new long[columns.size()];
        String[] firstValue = new String[columns.size()];
        long[] count = new long[columns.size()];
        try (CsvRowReader rows = CsvRowReader.open(source)) {
            while (rows.next()) {
                if (rows.problem() != null) {
                    if (rows.problem().kind().fatal()) {
                        break;
                    }
                    continue;
                }
                for (int k = 0; k < columns.size(); k++) {
                    String value = rows.record().get(columns.get(k).index());
                    if (!Values.isMissing(value) && Values.binary(value) == Values.NOT_BINARY) {
                        if (count[k]++ == 0) {
                            firstLine[k] = rows.line();
                            firstValue[k] = value;
                        }
                    }
                }
            }
        }
        List<RowProblem> problems = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            if (count[k] > 0) {
                problems.add(LabelNames.notBinary(source.name(), firstLine[k], columns.get(k).name(), firstValue[k],
                        count[k] - 1));
            }
        }
        return problems;
    }
}
