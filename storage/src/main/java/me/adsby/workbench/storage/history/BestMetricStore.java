package me.adsby.workbench.storage.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code best_metrics} table: one epoch per run and its metrics. A run's best epoch only moves forward
 * (a later epoch that is better), so storing an epoch older than the stored one changes nothing: events
 * ingested twice, or out of order after a crash, cannot move it back.
 */
final class BestMetricStore {

    private BestMetricStore() {
    }

    /** Makes {@code epoch} the run's best, with these metrics, unless a later epoch is stored already. */
    static void put(Connection connection, String runId, int epoch, Map<String, Double> metrics) throws SQLException {
        Optional<BestEpoch> stored = read(connection, runId);
        if (stored.isPresent() && stored.get().epoch() > epoch) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM best_metrics WHERE run_id = ?")) {
            delete.setString(1, runId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO best_metrics (run_id, metric_key, epoch, metric_val) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Double> metric : metrics.entrySet()) {
                insert.setString(1, runId);
                insert.setString(2, metric.getKey());
                insert.setInt(3, epoch);
                insert.setDouble(4, metric.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Optional<BestEpoch> read(Connection connection, String runId) throws SQLException {
        return Optional.ofNullable(read(connection, java.util.List.of(runId)).get(runId));
    }

    /** The best epochs of these runs, by run id; a run with none is absent. */
    static Map<String, BestEpoch> read(Connection connection, Collection<String> runIds) throws SQLException {
        Map<String, Integer> epochs = new HashMap<>();
        Map<String, Map<String, Double>> metrics = new HashMap<>();
        if (runIds.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT run_id, metric_key, epoch, metric_val FROM best_metrics WHERE run_id IN ("
                + String.join(", ", Collections.nCopies(runIds.size(), "?")) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int index = 1;
            for (String runId : runIds) {
                select.setString(index++, runId);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String runId = rows.getString(1);
                    metrics.computeIfAbsent(runId, id -> new TreeMap<>()).put(rows.getString(2), rows.getDouble(4));
                    epochs.put(runId, rows.getInt(3));
                }
            }
        }
        Map<String, BestEpoch> best = new HashMap<>();
        epochs.forEach((runId, epoch) -> best.put(runId, new BestEpoch(epoch, metrics.get(runId))));
        return best;
    }
}
