package me.adsby.workbench.storage.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import me.adsby.workbench.storage.settings.TrainingTarget;

/** Runs and row counts for the history's tests. */
final class HistoryFixtures {

    private HistoryFixtures() {
    }

    static NewRun newRun(String name) {
        return new NewRun(name, null, TrainingTarget.LOCAL_CPU, "/runs/" + name, "tabular", Map.of());
    }

    static NewRun newRun(String name, String experiment, Map<String, String> params) {
        return new NewRun(name, experiment, TrainingTarget.LOCAL_CPU, "/runs/" + name, "tabular", params);
    }

    /** Rows of {@code table} whose {@code run_id} is the run's, read with plain JDBC. */
    static long rows(RunHistory history, String table, String runId) {
        return history.database().read("counting", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?")) {
                select.setString(1, runId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
