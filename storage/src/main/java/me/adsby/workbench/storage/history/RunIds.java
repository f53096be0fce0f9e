package me.adsby.workbench.storage.history;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Run ids: {@code r-YYYYMMDD-HHMMSS-xxxx}, the creation time in UTC to the second and four random hex digits,
 * such as {@code r-20261126-101530-ab12}. Short enough to type in {@code workbench runs show}, sortable by
 * creation time as text, and readable in a run directory's name. Two runs created in the same second differ
 * by the suffix (65,536 values); the rare clash is caught by the primary key and the id drawn again.
 */
final class RunIds {

    static final Pattern FORMAT = Pattern.compile("r-\\d{8}-\\d{6}-[0-9a-f]{4}");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    static String next(Instant created) {
        return "r-" + TIME.format(created) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
