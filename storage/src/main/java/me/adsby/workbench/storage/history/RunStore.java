package me.adsby.workbench.storage.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.h2.api.ErrorCode;

/** The runs table: creating runs, reading them, moving them between states, deleting them. */
final class RunStore {

    static final String COLUMNS = "r.id, r.name, e.name, r.status, r.target, r.created, r.started, r.finished, r.error,"
            + " r.run_dir, r.recipe";
    static final String FROM = " FROM runs r JOIN experiments e ON e.id = r.experiment_id";

    private static final int ID_ATTEMPTS = 20;

    private RunStore() {
    }

    static Run create(Connection connection, NewRun spec, Instant now) throws SQLException {
        Instant created = Timestamps.millis(now);
        long experiment = experimentId(connection, spec.experiment(), created);
        String sql = "INSERT INTO runs (id, name, experiment_id, status, target, created, run_dir, recipe)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        for (int attempt = 1; ; attempt++) {
            String id = RunIds.next(created);
            String runDirectory = spec.runDirectory().replace(NewRun.RUN_ID, id);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, id);
                insert.setString(2, spec.name());
                insert.setLong(3, experiment);
                insert.setString(4, RunStatus.QUEUED.name());
                insert.setString(5, spec.target().id());
                Timestamps.set(insert, 6, created);
                insert.setString(7, runDirectory);
                insert.setString(8, spec.recipe());
                insert.executeUpdate();
                DetailsStore.putParams(connection, id, spec.params());
                return new Run(id, spec.name(), spec.experiment(), RunStatus.QUEUED, spec.target(), created, null, null,
                        null, runDirectory, spec.recipe());
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DUPLICATE_KEY_1 || attempt == ID_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The experiment's id, created when new. Two writers creating it at once: the loser reads the winner's. */
    static long experimentId(Connection connection, String name, Instant now) throws SQLException {
        Optional<Long> existing = findExperiment(connection, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO experiments (name, created) VALUES (?, ?)", new String[] {"ID"})) {
            insert.setString(1, name);
            Timestamps.set(insert, 2, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                return findExperiment(connection, name).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private static Optional<Long> findExperiment(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM experiments WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    static List<String> experiments(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM experiments ORDER BY name");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    static Optional<Run> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE r.id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        }
    }

    static Run require(Connection connection, String id) throws SQLException {
        return find(connection, id).orElseThrow(() -> new NoSuchRunException(id));
    }

    /** Fails with {@link NoSuchRunException} unless the run exists; a cheap primary-key probe. */
    static void requireExists(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new NoSuchRunException(id);
                }
            }
        }
    }

    /** Maps a row that starts with {@link #COLUMNS}. */
    static Run map(ResultSet rows) throws SQLException {
        return new Run(rows.getString(1), rows.getString(2), rows.getString(3), RunStatus.valueOf(rows.getString(4)),
                TrainingTarget.fromId(rows.getString(5)), Timestamps.get(rows, 6), Timestamps.get(rows, 7),
                Timestamps.get(rows, 8), rows.getString(9), rows.getString(10), rows.getString(11));
    }

    /**
     * Moves the run from {@code from} to {@code to} with one conditional UPDATE ({@code WHERE id = ? AND status = ?}),
     * so of two writers that both saw {@code from}, exactly one wins.
     *
     * @return true if this call moved it; false if the run was no longer in {@code from}
     */
    static boolean transition(Connection connection, String id, RunStatus from, RunStatus to, String error, Instant now)
            throws SQLException {
        if (!from.canMoveTo(to)) {
            throw new IllegalRunTransitionException(id, from, to);
        }
        String set;
        if (to == RunStatus.RUNNING) {
            set = "status = ?, started = COALESCE(started, ?)";
        } else if (to.isStopped()) {
            set = "status = ?, finished = ?, error = ?";
        } else if (to == RunStatus.QUEUED) {
            set = "status = ?, finished = NULL, error = NULL";
        } else {
            set = "status = ?";
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET " + set + " WHERE id = ? AND status = ?")) {
            int index = 1;
            update.setString(index++, to.name());
            if (to == RunStatus.RUNNING || to.isStopped()) {
                Timestamps.set(update, index++, now);
            }
            if (to.isStopped()) {
                update.setString(index++, to == RunStatus.FAILED || to == RunStatus.INTERRUPTED ? error : null);
            }
            update.setString(index++, id);
            update.setString(index, from.name());
            if (update.executeUpdate() == 1) {
                return true;
            }
        }
        requireExists(connection, id);
        return false;
    }

    static boolean delete(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM runs WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
        }
    }
}
