package me.adsby.workbench.storage.dataset.check;

import java.util.List;
import java.util.Map;

import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;

/**
 * Every problem of a file, counted per kind, with the details of the first {@code maxDetails} of them.
 *
 * @param file            the file's name
 * @param rowsRead        rows read, good and bad (not the header, not blank lines)
 * @param goodRows        rows without a problem
 * @param badRows         rows with a problem (one problem is counted per bad row: its first)
 * @param blankLines      blank lines skipped
 * @param problemCounts   problems per kind (kinds not seen left out), fatal ones included
 * @param problems        the first problems, in file order, at most {@code maxDetails}
 * @param detailsLeftOut  problems counted but not listed, to keep memory bounded
 * @param complete        false when reading stopped before the end (a fatal problem)
 */
public record ValidationReport(String file, long rowsRead, long goodRows, long badRows, long blankLines,
                               Map<ProblemKind, Long> problemCounts, List<RowProblem> problems,
                               long detailsLeftOut, boolean complete) {

    public ValidationReport {
        problemCounts = Map.copyOf(problemCounts);
        problems = List.copyOf(problems);
    }

    /** Whether the file has no problem at all. */
    public boolean valid() {
        return complete && problemCounts.isEmpty();
    }
}
