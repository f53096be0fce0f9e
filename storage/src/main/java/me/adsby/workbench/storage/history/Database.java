package me.adsby.workbench.storage.history;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The pooled connections to the history's H2 database, and the one way to use them: a unit of work on a
 * borrowed connection, either reading (auto-commit) or writing (one transaction, rolled back on any failure).
 * Thread-safe: each unit of work has a connection of its own; H2's MVCC lets readers run beside a writer.
 */
final class Database implements AutoCloseable {

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    static final int MAX_CONNECTIONS = 8;

    private final JdbcConnectionPool pool;

    Database(JdbcConnectionPool pool) {
        this.pool = pool;
        pool.setMaxConnections(MAX_CONNECTIONS);
    }

    JdbcConnectionPool pool() {
        return pool;
    }

    /** Runs read-only work; {@code what} names it in the message of a failure ("listing runs"). */
    <T> T read(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new RunHistoryException("run history: " + what + ": " + e.getMessage(), e);
        }
    }

    /** Runs work in one transaction: all of it is stored, or, when it throws, none of it. */
    <T> T write(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new RunHistoryException("run history: " + what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
