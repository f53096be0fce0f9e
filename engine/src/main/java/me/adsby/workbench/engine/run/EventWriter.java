package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.PreconditionFailedException;
import me.adsby.workbench.storage.blob.WriteCondition;

/**
 * Appends a run's events to its run directory. Events are buffered and written by {@link #flush()} as one new
 * chunk object, only if absent: on a local disk and in GCS alike a chunk appears whole or not at all and is
 * never rewritten, so a reader never sees half an event and a crash loses at most the unflushed events.
 * Reopening a run's events (a resumed worker) continues after the last chunk and sequence number.
 * Thread-safe.
 */
public final class EventWriter implements AutoCloseable {

    private final BlobStore store;
    private final RunDirectory directory;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final List<RunEvent> pending = new ArrayList<>();
    private long nextSeq;
    private long nextChunk;

    private EventWriter(BlobStore store, RunDirectory directory, ObjectMapper mapper, Clock clock, long lastSeq,
            long lastChunk) {
        this.store = store;
        this.directory = directory;
        this.mapper = mapper;
        this.clock = clock;
        this.nextSeq = lastSeq + 1;
        this.nextChunk = lastChunk + 1;
    }

    /** Opens the run's events for appending, after whatever is already there. */
    public static EventWriter open(BlobStore store, RunDirectory directory, Clock clock) throws IOException {
        EventReader.Position end = new EventReader(store, directory).end();
        return new EventWriter(store, directory, EventJson.MAPPER, clock, end.lastSeq(), end.lastChunk());
    }

    /** Adds an event; it is written at the next {@link #flush()}. Returns its sequence number. */
    public synchronized long append(String type, JsonNode data) {
        RunEvent event = new RunEvent(nextSeq++, clock.instant(), type, data);
        pending.add(event);
        return event.seq();
    }

    /** A new empty object for an event's data. */
    public ObjectNode data() {
        return mapper.createObjectNode();
    }

    /** Writes the buffered events as one new chunk; nothing happens when none are buffered. */
    public synchronized void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (RunEvent event : pending) {
            try {
                lines.append(mapper.writeValueAsString(EventJson.toJson(event))).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("Cannot write event " + event.seq() + " as JSON", e);
            }
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        try {
            store.write(directory.eventChunk(nextChunk), new ByteArrayInputStream(bytes), "application/x-ndjson",
                    WriteCondition.IF_ABSENT);
        } catch (PreconditionFailedException e) {
            throw new IOException(directory.eventChunk(nextChunk) + " exists already: another worker is writing "
                    + "this run's events", e);
        }
        nextChunk++;
        pending.clear();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
