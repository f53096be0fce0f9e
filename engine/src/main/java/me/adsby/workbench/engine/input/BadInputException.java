package me.adsby.workbench.engine.input;

import java.io.IOException;
import java.util.List;

/**
 * Preparation stopped: the {@link me.adsby.workbench.storage.dataset.ErrorPolicy} allows no more bad rows, or
 * the rest of the file cannot be read. The message lists the first problems as {@code file:line: reason}.
 */
public class BadInputException extends IOException {

    private static final long serialVersionUID = 1L;

    private static final int SHOWN = 10;

    /** The first bad rows, in file order; the last is where preparation stopped. */
    private final transient List<BadRow> problems;

    public BadInputException(List<BadRow> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<BadRow> problems() {
        return problems;
    }

    private static String message(List<BadRow> problems) {
        StringBuilder text = new StringBuilder("Preparation stopped at bad input:");
        for (int i = 0; i < problems.size() && i < SHOWN; i++) {
            text.append('\n').append(problems.get(i));
        }
        if (problems.size() > SHOWN) {
            text.append("\n(and ").append(problems.size() - SHOWN).append(" more)");
        }
        return text.toString();
    }
}
