package me.adsby.workbench.storage.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A run's parameters, tags, provenance, artifacts and evaluations. */
final class DetailsStore {

    private DetailsStore() {
    }

    static void putParams(Connection connection, String runId, Map<String, String> params) throws SQLException {
        putPairs(connection, "MERGE INTO params (run_id, param_key, param_value) KEY (run_id, param_key) VALUES (?, ?, ?)",
                runId, params);
    }

    static void putTags(Connection connection, String runId, Map<String, String> tags) throws SQLException {
        putPairs(connection, "MERGE INTO tags (run_id, tag_key, tag_value) KEY (run_id, tag_key) VALUES (?, ?, ?)",
                runId, tags);
    }

    private static void putPairs(Connection connection, String sql, String runId, Map<String, String> pairs)
            throws SQLException {
        if (pairs.isEmpty()) {
            return;
        }
        try (PreparedStatement merge = connection.prepareStatement(sql)) {
            for (Map.Entry<String, String> pair : pairs.entrySet()) {
                merge.setString(1, runId);
                merge.setString(2, pair.getKey());
                merge.setString(3, pair.getValue());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    static boolean removeTag(Connection connection, String runId, String key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tags WHERE run_id = ? AND tag_key = ?")) {
            delete.setString(1, runId);
            delete.setString(2, key);
            return delete.executeUpdate() == 1;
        }
    }

    /** The ids of the runs whose param {@code key} is {@code value}, oldest first. */
    static java.util.List<String> runsWithParam(Connection connection, String key, String value) throws SQLException {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (java.sql.PreparedStatement statement = connection.prepareStatement("SELECT p.run_id FROM params p JOIN runs r"
                + " ON r.id = p.run_id WHERE p.param_key = ? AND p.param_value = ? ORDER BY r.created, r.id")) {
            statement.setString(1, key);
            statement.setString(2, value);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    static java.util.List<String> paramValues(Connection connection, String key) throws SQLException {
        java.util.List<String> values = new java.util.ArrayList<>();
        try (java.sql.PreparedStatement statement = connection.prepareStatement("SELECT p.param_value FROM params p JOIN runs r"
                + " ON r.id = p.run_id WHERE p.param_key = ? GROUP BY p.param_value"
                + " ORDER BY MAX(r.created) DESC, p.param_value")) {
            statement.setString(1, key);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    static Map<String, String> params(Connection connection, String runId) throws SQLException {
        return pairs(connection, "SELECT param_key, param_value FROM params WHERE run_id = ?", runId);
    }

    static Map<String, String> tags(Connection connection, String runId) throws SQLException {
        return pairs(connection, "SELECT tag_key, tag_value FROM tags WHERE run_id = ?", runId);
    }

    private static Map<String, String> pairs(Connection connection, String sql, String runId) throws SQLException {
        Map<String, String> pairs = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pairs.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return pairs;
    }

    /** Stores the run's provenance, replacing what was there. */
    static void putProvenance(Connection connection, String runId, Provenance provenance) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO provenance (run_id, dataset_uri, content_hash,"
                + " workbench_version, seed, tf_version, host, hardware) KEY (run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            merge.setString(1, runId);
            merge.setString(2, provenance.datasetUri());
            merge.setString(3, provenance.contentHash());
            merge.setString(4, provenance.workbenchVersion());
            merge.setObject(5, provenance.seed(), Types.BIGINT);
            merge.setString(6, provenance.tensorflowVersion());
            merge.setString(7, provenance.host());
            merge.setString(8, provenance.hardware());
            merge.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM provenance_objects WHERE run_id = ?")) {
            delete.setString(1, runId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO provenance_objects (run_id, object_uri, version) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> object : provenance.objectVersions().entrySet()) {
                insert.setString(1, runId);
                insert.setString(2, object.getKey());
                insert.setString(3, object.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Optional<Provenance> provenance(Connection connection, String runId) throws SQLException {
        Map<String, String> objects = pairs(connection, "SELECT object_uri, version FROM provenance_objects WHERE run_id = ?",
                runId);
        try (PreparedStatement select = connection.prepareStatement("SELECT dataset_uri, content_hash, workbench_version,"
                + " seed, tf_version, host, hardware FROM provenance WHERE run_id = ?")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Provenance(rows.getString(1), objects, rows.getString(2), rows.getString(3),
                        rows.getObject(4, Long.class), rows.getString(5), rows.getString(6), rows.getString(7)));
            }
        }
    }

    /** Adds the artifact, or replaces the one of the run with the same URI. */
    static void putArtifact(Connection connection, String runId, Artifact artifact) throws SQLException {
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO artifacts (run_id, kind, uri, size_bytes,"
                + " checksum) KEY (run_id, uri) VALUES (?, ?, ?, ?, ?)")) {
            merge.setString(1, runId);
            merge.setString(2, artifact.kind());
            merge.setString(3, artifact.uri());
            merge.setObject(4, artifact.sizeBytes(), Types.BIGINT);
            merge.setString(5, artifact.checksum());
            merge.executeUpdate();
        }
    }

    static List<Artifact> artifacts(Connection connection, String runId) throws SQLException {
        List<Artifact> artifacts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT kind, uri, size_bytes, checksum FROM artifacts WHERE run_id = ? ORDER BY id")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    artifacts.add(new Artifact(rows.getString(1), rows.getString(2), rows.getObject(3, Long.class),
                            rows.getString(4)));
                }
            }
        }
        return artifacts;
    }

    static Evaluation addEvaluation(Connection connection, String runId, String datasetUri, String predictionsUri,
            Map<String, Double> metrics, Instant now) throws SQLException {
        Instant created = Timestamps.millis(now);
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO evaluations (run_id, dataset_uri, predictions_uri, created) VALUES (?, ?, ?, ?)",
                new String[] {"ID"})) {
            insert.setString(1, runId);
            insert.setString(2, datasetUri);
            insert.setString(3, predictionsUri);
            Timestamps.set(insert, 4, created);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO evaluation_metrics (evaluation_id, metric_key, metric_val) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Double> metric : metrics.entrySet()) {
                insert.setLong(1, id);
                insert.setString(2, metric.getKey());
                insert.setDouble(3, metric.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return new Evaluation(id, runId, datasetUri, predictionsUri, created, metrics);
    }

    static List<Evaluation> evaluations(Connection connection, String runId) throws SQLException {
        List<Evaluation> evaluations = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT e.id, e.dataset_uri, e.created, m.metric_key,"
                + " m.metric_val, e.predictions_uri FROM evaluations e LEFT JOIN evaluation_metrics m ON m.evaluation_id = e.id"
                + " WHERE e.run_id = ? ORDER BY e.created, e.id, m.metric_key")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                long current = -1;
                String dataset = null;
                String predictions = null;
                Instant created = null;
                Map<String, Double> metrics = new TreeMap<>();
                while (rows.next()) {
                    long id = rows.getLong(1);
                    if (id != current && current != -1) {
                        evaluations.add(new Evaluation(current, runId, dataset, predictions, created, metrics));
                        metrics = new TreeMap<>();
                    }
                    current = id;
                    dataset = rows.getString(2);
                    predictions = rows.getString(6);
                    created = Timestamps.get(rows, 3);
                    if (rows.getString(4) != null) {
                        metrics.put(rows.getString(4), rows.getDouble(5));
                    }
                }
                if (current != -1) {
                    evaluations.add(new Evaluation(current, runId, dataset, predictions, created, metrics));
                }
            }
        }
        return evaluations;
    }
}
