package me.adsby.workbench.app.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The worker's log as the run page shows it: without TensorFlow's own start-up messages (its C++ logging
 * lines such as {@code I0000 00:00:1796178011.271081 19629 mlir_graph_optimization_pass.cc:401] ...} and the
 * absl warning before them), which say nothing about the run, then the last lines. A line says how many were
 * hidden, so nothing is dropped silently.
 */
final class LogLines {

    /** TensorFlow's C++ log prefix: a severity letter, month and day, then the time. */
    private static final Pattern NATIVE = Pattern.compile("^[IWEF]\\d{4} \\d{2}:\\d{2}:[\\d.]+ +\\d+ \\S+:\\d+\\] .*");
    private static final String ABSL = "WARNING: All log messages before absl::InitializeLog() is called";

    private LogLines() {
    }

    /** The log's last {@code keep} lines once TensorFlow's start-up lines are out, after a line counting those. */
    static List<String> readable(List<String> lines, int keep) {
        List<String> kept = new ArrayList<>();
        int hidden = 0;
        for (String line : lines) {
            if (NATIVE.matcher(line).matches() || line.startsWith(ABSL)) {
                hidden++;
            } else {
                kept.add(line);
            }
        }
        List<String> shown = new ArrayList<>();
        if (hidden > 0) {
            shown.add(String.format(Locale.ROOT, "(%d line%s of TensorFlow's own start-up messages hidden; the whole log is"
                    + " worker.log in the run directory)", hidden, hidden == 1 ? "" : "s"));
        }
        shown.addAll(kept.subList(Math.max(0, kept.size() - keep), kept.size()));
        return shown;
    }
}
