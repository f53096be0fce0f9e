package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongPredicate;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.WriteCondition;

/**
 * A worker's sign of life in its run directory: which process on which host, and when it last wrote. The app
 * uses it after a restart to tell a worker still training (re-attach) from one that is gone (INTERRUPTED).
 *
 * @param pid  the worker's process id
 * @param host the host it runs on
 * @param time when the worker wrote it
 */
public record Heartbeat(long pid, String host, Instant time) {

    /** How often a worker writes its heartbeat. */
    public static final Duration INTERVAL = Duration.ofSeconds(5);
    /** A heartbeat older than this is a worker that stopped, whatever its pid says. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);

    /** Writes the heartbeat over the previous one (atomically: a reader sees the old or the new one). */
    public void write(BlobStore store, RunDirectory directory) throws IOException {
        ObjectNode json = EventJson.MAPPER.createObjectNode();
        json.put("pid", pid);
        json.put("host", host);
        json.put("time", time.toString());
        store.write(directory.heartbeat(), new ByteArrayInputStream(EventJson.MAPPER.writeValueAsBytes(json)),
                "application/json", WriteCondition.NONE);
    }

    /** The run's last heartbeat, or empty when its worker never wrote one. */
    public static Optional<Heartbeat> read(BlobStore store, RunDirectory directory) throws IOException {
        if (store.stat(directory.heartbeat()).isEmpty()) {
            return Optional.empty();
        }
        JsonNode json;
        try (var in = store.open(directory.heartbeat())) {
            json = EventJson.MAPPER.readTree(in);
        }
        if (json == null || !json.hasNonNull("pid") || !json.hasNonNull("host") || !json.hasNonNull("time")) {
            throw new IOException(directory.heartbeat() + ":1: a heartbeat needs pid, host and time");
        }
        return Optional.of(new Heartbeat(json.get("pid").asLong(), json.get("host").asText(),
                Instant.parse(json.get("time").asText())));
    }

    /**
     * Whether the worker is alive: its heartbeat is fresh, and when it runs on this host, its process exists.
     *
     * @param processAlive whether a pid is a live process on this host ({@code pid ->
     *                     ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)} in production)
     */
    public boolean alive(Instant now, String thisHost, LongPredicate processAlive) {
        if (Duration.between(time, now).compareTo(STALE_AFTER) > 0) {
            return false;
        }
        return !host.equals(thisHost) || processAlive.test(pid);
    }
}
