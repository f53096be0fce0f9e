package me.adsby.workbench.storage.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import me.adsby.workbench.storage.home.OwnerOnly;

/**
 * Reads and writes {@link Settings} as JSON. Writes are atomic (a temporary file moved over the old one) and
 * owner-only, so a crash never leaves half a file. Thread-safe: writes are serialised.
 */
public final class SettingsStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public SettingsStore(Path file) {
        this(file, Clock.systemUTC());
    }

    SettingsStore(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path file() {
        return file;
    }

    /** The stored settings, or the defaults when there is no file yet. */
    public Settings load() throws IOException {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return Settings.defaults();
        }
        if (json.length == 0) {
            throw new SettingsException(file + ":1: the settings file is empty", null);
        }
        try {
            Settings settings = mapper.readValue(json, Settings.class);
            if (settings == null) {
                throw new SettingsException(file + ":1: the settings file holds null, not an object", null);
            }
            return settings;
        } catch (JsonProcessingException e) {
            throw new SettingsException(describe(e), e);
        }
    }

    /**
     * Loads the settings; when the file cannot be read as settings, moves it aside (nothing is deleted) and
     * returns the defaults together with what was wrong.
     */
    public Loaded loadOrSetAside() throws IOException {
        try {
            return new Loaded(load(), Optional.empty());
        } catch (SettingsException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".broken-" + STAMP.format(clock.instant()));
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return new Loaded(Settings.defaults(),
                    Optional.of(e.getMessage() + ". It was moved to " + aside + " and the defaults are in use."));
        }
    }

    public synchronized void save(Settings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".settings", ".tmp");
        try {
            OwnerOnly.file(temp);
            mapper.writeValue(temp.toFile(), settings);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String line = where == null || where.getLineNr() < 1 ? "1" : where.getLineNr() + ":" + where.getColumnNr();
        String reason = e.getOriginalMessage();
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            reason = cause.getMessage();
        }
        return file + ":" + line + ": " + reason;
    }

    /** The outcome of {@link #loadOrSetAside()}: the settings in use and, if the file was bad, why. */
    public record Loaded(Settings settings, Optional<String> problem) {
    }
}
