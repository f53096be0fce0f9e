package me.adsby.workbench.engine.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobPage;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * Reads a run's events from its run directory, from any sequence number on: the app calls it repeatedly
 * with the last sequence number it ingested, so ingestion is idempotent and a crash of either side loses
 * nothing written. A damaged line is an error that names the chunk and the line.
 */
public final class EventReader {

    private final BlobStore store;
    private final RunDirectory directory;

    public EventReader(BlobStore store, RunDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /** Where the events end: the last chunk number and sequence number (0 and 0 when there are none). */
    public record Position(long lastChunk, long lastSeq) {
    }

    /** The events with a sequence number above {@code afterSeq}, in order. */
    public List<RunEvent> readAfter(long afterSeq) throws IOException {
        List<RunEvent> events = new ArrayList<>();
        long expected = -1;
        for (var chunk : chunks().entrySet()) {
            for (RunEvent event : read(chunk.getValue())) {
                if (expected > 0 && event.seq() != expected) {
                    throw new IOException(chunk.getValue() + ": event " + event.seq() + " follows event "
                            + (expected - 1) + "; the run's events have a gap or a repeat");
                }
                expected = event.seq() + 1;
                if (event.seq() > afterSeq) {
                    events.add(event);
                }
            }
        }
        return events;
    }

    /** The last chunk and sequence number written so far. */
    public Position end() throws IOException {
        TreeMap<Long, BlobUri> chunks = chunks();
        if (chunks.isEmpty()) {
            return new Position(0, 0);
        }
        List<RunEvent> last = read(chunks.lastEntry().getValue());
        return new Position(chunks.lastKey(), last.isEmpty() ? 0 : last.get(last.size() - 1).seq());
    }

    /** The event chunks by number; listing pages through any number of them. */
    private TreeMap<Long, BlobUri> chunks() throws IOException {
        TreeMap<Long, BlobUri> chunks = new TreeMap<>();
        String token = null;
        try {
            do {
                BlobPage page = store.list(directory.events(), "/", BlobStore.DEFAULT_PAGE_SIZE, token);
                for (BlobInfo object : page.objects()) {
                    long number = RunDirectory.chunkNumber(object.uri());
                    if (number > 0) {
                        chunks.put(number, object.uri());
                    }
                }
                token = page.nextPageToken();
            } while (token != null);
        } catch (BlobNotFoundException noEventsYet) {
            // A local run directory without an events folder yet: no events.
        }
        return chunks;
    }

    private List<RunEvent> read(BlobUri chunk) throws IOException {
        List<RunEvent> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(store.open(chunk), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    events.add(EventJson.fromJson(line));
                } catch (IllegalArgumentException e) {
                    throw new IOException(chunk + ":" + number + ": " + e.getMessage(), e);
                }
            }
        }
        return events;
    }
}
