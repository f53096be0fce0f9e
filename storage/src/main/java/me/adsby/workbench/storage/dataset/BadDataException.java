package me.adsby.workbench.storage.dataset;

import java.io.IOException;
import java.util.List;

/**
 * Reading stopped because of bad data: a fatal problem, or as many problems as the {@link ErrorPolicy}
 * allows. The message lists the problems as {@code file:line: reason}.
 */
public class BadDataException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The problems seen (at most a bounded number of them); the first is the first in the file. */
    private final transient List<RowProblem> problems;

    public BadDataException(List<RowProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }

    private static String message(List<RowProblem> problems) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (RowProblem problem : problems) {
            if (shown == 10) {
                text.append("\n(and ").append(problems.size() - shown).append(" more)");
                break;
            }
            text.append(shown == 0 ? "" : "\n").append(problem);
            shown++;
        }
        return text.toString();
    }
}
