package me.adsby.workbench.engine.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import me.adsby.workbench.storage.dataset.schema.NumberParser;

/**
 * Reads a time column's cell as a number that orders like time: a plain number as it is (epoch seconds,
 * epoch milliseconds, {@code 20261201} or an hour counter all order correctly), or an ISO-8601 date
 * ({@code 2026-12-01}), local date-time ({@code 2026-12-01T20:15}, also with a space for the {@code T}) or
 * instant with an offset ({@code 2026-12-01T20:15:00Z}, {@code ...+01:00}) as epoch seconds, local times taken
 * as UTC. One file must use one of these forms throughout: numbers and dates do not compare. Not thread-safe
 * (one instance per thread).
 */
final class TimeValues {

    private final NumberParser numbers = new NumberParser();

    /** The cell's time, or NaN when it is empty or none of the forms above. */
    double parse(String text) {
        String cell = text.strip();
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        if (numbers.parse(cell)) {
            return numbers.value();
        }
        String iso = cell.length() > 10 && cell.charAt(10) == ' ' ? cell.substring(0, 10) + 'T' + cell.substring(11) : cell;
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            if (iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
                return seconds(OffsetDateTime.parse(iso).toInstant());
            }
            return seconds(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
