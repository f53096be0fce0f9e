package me.adsby.workbench.storage.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metric points, the final value of each metric, and the events watermark. Points are written by batched
 * {@code MERGE ... KEY (run_id, metric_key, step)}, so ingesting a point twice stores it once.
 */
final class MetricStore {

    /** Rows sent to H2 per JDBC batch. */
    static final int BATCH = 2_000;

    private static final String MERGE_POINT = "MERGE INTO metric_points (run_id, metric_key, step, epoch, metric_val, wall_ms)"
            + " KEY (run_id, metric_key, step) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String MERGE_FINAL = "MERGE INTO final_metrics t USING (SELECT CAST(? AS VARCHAR(40)) run_id,"
            + " CAST(? AS VARCHAR(200)) metric_key, CAST(? AS BIGINT) step, CAST(? AS DOUBLE PRECISION) metric_val) s"
            + " ON t.run_id = s.run_id AND t.metric_key = s.metric_key"
            + " WHEN MATCHED AND s.step >= t.step THEN UPDATE SET step = s.step, metric_val = s.metric_val"
            + " WHEN NOT MATCHED THEN INSERT (run_id, metric_key, step, metric_val)"
            + " VALUES (s.run_id, s.metric_key, s.step, s.metric_val)";
    private static final String MERGE_WATERMARK = "MERGE INTO event_watermarks t USING (SELECT CAST(? AS VARCHAR(40)) run_id,"
            + " CAST(? AS BIGINT) last_sequence) s ON t.run_id = s.run_id"
            + " WHEN MATCHED AND s.last_sequence > t.last_sequence THEN UPDATE SET last_sequence = s.last_sequence"
            + " WHEN NOT MATCHED THEN INSERT (run_id, last_sequence) VALUES (s.run_id, s.last_sequence)";

    private MetricStore() {
    }

    static void add(Connection connection, String runId, List<MetricPoint> points) throws SQLException {
        if (points.isEmpty()) {
            return;
        }
        Map<String, MetricPoint> last = new LinkedHashMap<>();
        try (PreparedStatement merge = connection.prepareStatement(MERGE_POINT)) {
            int pending = 0;
            for (MetricPoint point : points) {
                merge.setString(1, runId);
                merge.setString(2, point.key());
                merge.setLong(3, point.step());
                merge.setObject(4, point.epoch(), Types.INTEGER);
                merge.setDouble(5, point.value());
                merge.setLong(6, point.wallTime().toEpochMilli());
                merge.addBatch();
                if (++pending == BATCH) {
                    merge.executeBatch();
                    pending = 0;
                }
                last.merge(point.key(), point, (kept, next) -> next.step() >= kept.step() ? next : kept);
            }
            if (pending > 0) {
                merge.executeBatch();
            }
        }
        try (PreparedStatement merge = connection.prepareStatement(MERGE_FINAL)) {
            for (MetricPoint point : last.values()) {
                merge.setString(1, runId);
                merge.setString(2, point.key());
                merge.setLong(3, point.step());
                merge.setDouble(4, point.value());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    static Map<String, Double> finals(Connection connection, String runId) throws SQLException {
        Map<String, Double> finals = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT metric_key, metric_val FROM final_metrics WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    finals.put(rows.getString(1), rows.getDouble(2));
                }
            }
        }
        return finals;
    }

    /**
     * The series of each run for each key, run by run in the order given, then key by key; a run without a key
     * has no series for it. One indexed range read per (run, key) on the primary key.
     */
    static List<MetricSeries> series(Connection connection, Collection<String> runIds, Collection<String> keys)
            throws SQLException {
        List<MetricSeries> series = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT step, epoch, metric_val, wall_ms"
                + " FROM metric_points WHERE run_id = ? AND metric_key = ? ORDER BY step")) {
            for (String runId : runIds) {
                for (String key : keys) {
                    select.setString(1, runId);
                    select.setString(2, key);
                    List<MetricPoint> points = new ArrayList<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            points.add(new MetricPoint(key, rows.getLong(1), rows.getObject(2, Integer.class),
                                    rows.getDouble(3), Instant.ofEpochMilli(rows.getLong(4))));
                        }
                    }
                    if (!points.isEmpty()) {
                        series.add(new MetricSeries(runId, key, points));
                    }
                }
            }
        }
        return series;
    }

    /** The last event sequence number ingested for the run, or -1 when none has been. */
    static long watermark(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_sequence FROM event_watermarks WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : -1;
            }
        }
    }

    /** Moves the watermark forward to {@code sequence}; never backward. */
    static void advanceWatermark(Connection connection, String runId, long sequence) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement(MERGE_WATERMARK)) {
            merge.setString(1, runId);
            merge.setLong(2, sequence);
            merge.executeUpdate();
        }
    }
}
