package me.adsby.workbench.storage.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Instants to and from the database's {@code TIMESTAMP(3) WITH TIME ZONE} columns, in UTC, to the millisecond. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(millis(instant), ZoneOffset.UTC));
    }

    static Instant get(ResultSet rows, int index) throws SQLException {
        OffsetDateTime value = rows.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
