package me.adsby.workbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.blob.WriteCondition;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-directory event protocol, on a local disk and on GCS through the real client and the test server. */
class EventLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private GcsTestServer gcs;
    private BlobStores stores;

    @AfterEach
    void close() throws IOException {
        if (stores != null) {
            stores.close();
        }
        if (gcs != null) {
            gcs.close();
        }
    }

    private RunDirectory local() {
        stores = new BlobStores(new GcsOptions(null, null));
        return new RunDirectory(BlobUri.local(temp.resolve("runs/r-1")));
    }

    private RunDirectory onGcs() {
        gcs = GcsTestServer.start();
        gcs.createBucket("runs");
        stores = new BlobStores(gcs.options());
        return new RunDirectory(BlobUri.parse("gs://runs/r-1"));
    }

    @Test
    void eventsWrittenInChunksAreReadInOrderLocally() throws IOException {
        eventsWrittenInChunksAreReadInOrder(local());
    }

    @Test
    void eventsWrittenInChunksAreReadInOrderOnGcs() throws IOException {
        eventsWrittenInChunksAreReadInOrder(onGcs());
    }

    private void eventsWrittenInChunksAreReadInOrder(RunDirectory run) throws IOException {
        BlobStore store = stores.forUri(run.root());
        EventReader reader = new EventReader(store, run);
        assertThat(reader.readAfter(0)).isEmpty();
        assertThat(reader.end()).isEqualTo(new EventReader.Position(0, 0));

        try (EventWriter writer = EventWriter.open(store, run, CLOCK)) {
            writer.append("state", writer.data().put("status", "RUNNING"));
            writer.append("epoch", writer.data().put("epoch", 1).put("train_loss", 0.61));
            writer.flush();
            writer.append("epoch", writer.data().put("epoch", 2).put("train_loss", 0.52));
        }

        List<RunEvent> all = reader.readAfter(0);
        assertThat(all).extracting(RunEvent::seq).containsExactly(1L, 2L, 3L);
        assertThat(all).extracting(RunEvent::type).containsExactly("state", "epoch", "epoch");
        assertThat(all.get(2).data().get("train_loss").asDouble()).isEqualTo(0.52);
        assertThat(all.get(0).time()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        // Ingestion resumes after the last sequence number it stored: nothing twice.
        assertThat(reader.readAfter(2)).extracting(RunEvent::seq).containsExactly(3L);
        assertThat(reader.readAfter(3)).isEmpty();
        // Two flushes (the explicit one and close), two chunks.
        assertThat(reader.end()).isEqualTo(new EventReader.Position(2, 3));
    }

    @Test
    void aResumedWriterContinuesTheSequence() throws IOException {
        RunDirectory run = local();
        BlobStore store = stores.forUri(run.root());
        try (EventWriter first = EventWriter.open(store, run, CLOCK)) {
            first.append("state", first.data().put("status", "RUNNING"));
        }

        try (EventWriter resumed = EventWriter.open(store, run, CLOCK)) {
            assertThat(resumed.append("state", resumed.data().put("status", "RUNNING"))).isEqualTo(2);
        }

        assertThat(new EventReader(store, run).readAfter(0)).extracting(RunEvent::seq).containsExactly(1L, 2L);
    }

    @Test
    void twoWritersOnOneRunCannotBothWriteAChunk() throws IOException {
        RunDirectory run = onGcs();
        BlobStore store = stores.forUri(run.root());
        EventWriter one = EventWriter.open(store, run, CLOCK);
        EventWriter two = EventWriter.open(store, run, CLOCK);
        one.append("state", one.data());
        two.append("state", two.data());

        one.flush();

        assertThatThrownBy(two::flush)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("gs://runs/r-1/events/chunk-000001.jsonl exists already");
    }

    @Test
    void aDamagedLineNamesTheChunkAndTheLine() throws IOException {
        RunDirectory run = local();
        BlobStore store = stores.forUri(run.root());
        String chunk = "{\"seq\":1,\"time\":\"2026-11-26T10:00:00Z\",\"type\":\"state\",\"data\":{}}\n{\"seq\":2,\"ti";
        store.write(run.eventChunk(1), new ByteArrayInputStream(chunk.getBytes(StandardCharsets.UTF_8)), null,
                WriteCondition.IF_ABSENT);

        assertThatThrownBy(() -> new EventReader(store, run).readAfter(0))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(run.eventChunk(1) + ":2: not JSON");
    }

    @Test
    void aGapInTheSequenceIsAnError() throws IOException {
        RunDirectory run = local();
        BlobStore store = stores.forUri(run.root());
        String chunk = "{\"seq\":1,\"time\":\"2026-11-26T10:00:00Z\",\"type\":\"a\"}\n"
                + "{\"seq\":3,\"time\":\"2026-11-26T10:00:00Z\",\"type\":\"b\"}\n";
        store.write(run.eventChunk(1), new ByteArrayInputStream(chunk.getBytes(StandardCharsets.UTF_8)), null,
                WriteCondition.IF_ABSENT);

        assertThatThrownBy(() -> new EventReader(store, run).readAfter(0))
                .hasMessageContaining("event 3 follows event 1");
    }

    @Test
    void theLayoutMatchesTheDesign() {
        RunDirectory run = new RunDirectory(BlobUri.parse("gs://runs/r-1"));

        assertThat(run.spec()).hasToString("gs://runs/r-1/spec.json");
        assertThat(run.eventChunk(42)).hasToString("gs://runs/r-1/events/chunk-000042.jsonl");
        assertThat(RunDirectory.chunkNumber(run.eventChunk(42))).isEqualTo(42);
        assertThat(RunDirectory.chunkNumber(run.spec())).isEqualTo(-1);
        assertThat(run.model()).hasToString("gs://runs/r-1/model/");
    }
}
