package me.adsby.workbench.storage.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.h2.api.ErrorCode;

/**
 * What this home did to serving registries: their models, versions and labels as last written from here, and
 * the audit log of every publish, label move, rollback, override and archive. The registry's own files are the
 * truth (another machine may change them); this mirror answers queries and keeps who did what and why.
 * A registry is named by its URI text, so two registries may hold models of the same name.
 *
 * <p>Reached through {@link RunHistory#registry()}. Thread-safe; each method is one transaction.
 */
public final class RegistryMirror {

    private final Database database;
    private final Clock clock;

    RegistryMirror(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records a new version and its {@code publish} audit line. */
    public void recordVersion(String registry, String model, long version, String runId, String publishedBy,
            Instant published, String details) {
        Objects.requireNonNull(publishedBy, "publishedBy");
        database.write("recording version " + version + " of " + model, c -> {
            long modelId = modelId(c, registry, model);
            try (PreparedStatement merge = c.prepareStatement("MERGE INTO registry_versions"
                    + " (model_id, version, run_id, published_by, published, archived) KEY (model_id, version)"
                    + " VALUES (?, ?, ?, ?, ?, FALSE)")) {
                merge.setLong(1, modelId);
                merge.setLong(2, version);
                merge.setString(3, runId);
                merge.setString(4, publishedBy);
                Timestamps.set(merge, 5, published);
                merge.executeUpdate();
            }
            audit(c, modelId, RegistryAction.PUBLISH, version, publishedBy, details);
            return null;
        });
    }

    /**
     * Records that {@code label} now points at {@code version}, with an audit line.
     *
     * @param action {@link RegistryAction#LABEL}, {@link RegistryAction#ROLLBACK} or {@link RegistryAction#OVERRIDE}
     */
    public void recordLabel(String registry, String model, String label, long version, RegistryAction action, String actor,
            String details) {
        if (action != RegistryAction.LABEL && action != RegistryAction.ROLLBACK && action != RegistryAction.OVERRIDE) {
            throw new IllegalArgumentException("A label move is recorded as label, rollback or override, not " + action.id());
        }
        database.write("recording label " + label + " of " + model, c -> {
            long modelId = modelId(c, registry, model);
            try (PreparedStatement merge = c.prepareStatement("MERGE INTO registry_labels"
                    + " (model_id, label, version, updated, updated_by) KEY (model_id, label) VALUES (?, ?, ?, ?, ?)")) {
                merge.setLong(1, modelId);
                merge.setString(2, label);
                merge.setLong(3, version);
                Timestamps.set(merge, 4, clock.instant());
                merge.setString(5, actor);
                merge.executeUpdate();
            }
            try (PreparedStatement unarchive = c.prepareStatement(
                    "UPDATE registry_versions SET archived = FALSE WHERE model_id = ? AND version = ?")) {
                unarchive.setLong(1, modelId);
                unarchive.setLong(2, version);
                unarchive.executeUpdate();
            }
            audit(c, modelId, action, version, actor, details);
            return null;
        });
    }

    /** Records that a version left the served set, with an audit line. */
    public void recordArchive(String registry, String model, long version, String actor, String details) {
        database.write("recording the archive of version " + version + " of " + model, c -> {
            long modelId = modelId(c, registry, model);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE registry_versions SET archived = TRUE WHERE model_id = ? AND version = ?")) {
                update.setLong(1, modelId);
                update.setLong(2, version);
                update.executeUpdate();
            }
            audit(c, modelId, RegistryAction.ARCHIVE, version, actor, details);
            return null;
        });
    }

    /** The versions of a model recorded here, oldest first. */
    public List<RegistryVersionRow> versions(String registry, String model) {
        return database.read("reading the versions of " + model, c -> {
            List<RegistryVersionRow> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT v.version, v.run_id, v.published_by, v.published,"
                    + " v.archived FROM registry_versions v JOIN registry_models m ON m.id = v.model_id"
                    + " WHERE m.registry = ? AND m.name = ? ORDER BY v.version")) {
                select.setString(1, registry);
                select.setString(2, model);
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        rows.add(new RegistryVersionRow(registry, model, found.getLong(1), found.getString(2),
                                found.getString(3), Timestamps.get(found, 4), found.getBoolean(5)));
                    }
                }
            }
            return rows;
        });
    }

    /** The labels of a model as last recorded here: label to version. */
    public Map<String, Long> labels(String registry, String model) {
        return database.read("reading the labels of " + model, c -> {
            Map<String, Long> labels = new TreeMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT l.label, l.version FROM registry_labels l"
                    + " JOIN registry_models m ON m.id = l.model_id WHERE m.registry = ? AND m.name = ?")) {
                select.setString(1, registry);
                select.setString(2, model);
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        labels.put(found.getString(1), found.getLong(2));
                    }
                }
            }
            return labels;
        });
    }

    /** A model's audit log, oldest first. */
    public List<RegistryAuditEntry> audit(String registry, String model) {
        return database.read("reading the audit log of " + model, c -> {
            List<RegistryAuditEntry> entries = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT a.id, a.at, a.actor, a.action, a.version, a.details"
                    + " FROM registry_audit a JOIN registry_models m ON m.id = a.model_id"
                    + " WHERE m.registry = ? AND m.name = ? ORDER BY a.id")) {
                select.setString(1, registry);
                select.setString(2, model);
                try (ResultSet found = select.executeQuery()) {
                    while (found.next()) {
                        long version = found.getLong(5);
                        entries.add(new RegistryAuditEntry(found.getLong(1), Timestamps.get(found, 2), found.getString(3),
                                RegistryAction.of(found.getString(4)), registry, model, found.wasNull() ? null : version,
                                found.getString(6)));
                    }
                }
            }
            return entries;
        });
    }

    private void audit(Connection c, long modelId, RegistryAction action, long version, String actor, String details)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO registry_audit (at, actor, action, model_id, version, details) VALUES (?, ?, ?, ?, ?, ?)")) {
            Timestamps.set(insert, 1, clock.instant());
            insert.setString(2, actor);
            insert.setString(3, action.id());
            insert.setLong(4, modelId);
            insert.setLong(5, version);
            if (details == null) {
                insert.setNull(6, Types.VARCHAR);
            } else {
                insert.setString(6, details);
            }
            insert.executeUpdate();
        }
    }

    /** The model's id, created on first use. Two writers creating it at once: the loser reads the winner's. */
    private long modelId(Connection c, String registry, String model) throws SQLException {
        Optional<Long> existing = findModel(c, registry, model);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO registry_models (registry, name, created) VALUES (?, ?, ?)", new String[] {"ID"})) {
            insert.setString(1, registry);
            insert.setString(2, model);
            Timestamps.set(insert, 3, clock.instant());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                return findModel(c, registry, model).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static Optional<Long> findModel(Connection c, String registry, String model) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM registry_models WHERE registry = ? AND name = ?")) {
            select.setString(1, registry);
            select.setString(2, model);
            try (ResultSet found = select.executeQuery()) {
                return found.next() ? Optional.of(found.getLong(1)) : Optional.empty();
            }
        }
    }
}
