package me.adsby.workbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void aHeartbeatRoundTripsThroughARunDirectoryOnGcs() throws IOException {
        try (GcsTestServer gcs = GcsTestServer.start(); BlobStores stores = new BlobStores(gcs.options())) {
            gcs.createBucket("runs");
            RunDirectory run = new RunDirectory(BlobUri.parse("gs://runs/r-1"));
            BlobStore store = stores.forUri(run.root());
            assertThat(Heartbeat.read(store, run)).isEmpty();

            new Heartbeat(4242, "workstation", NOW).write(store, run);
            new Heartbeat(4242, "workstation", NOW.plusSeconds(5)).write(store, run);

            assertThat(Heartbeat.read(store, run)).contains(new Heartbeat(4242, "workstation", NOW.plusSeconds(5)));
        }
    }

    @Test
    void aliveMeansFreshAndOnThisHostARunningProcess() {
        Heartbeat beat = new Heartbeat(4242, "workstation", NOW);

        assertThat(beat.alive(NOW.plusSeconds(10), "workstation", pid -> pid == 4242)).isTrue();
        assertThat(beat.alive(NOW.plusSeconds(10), "workstation", pid -> false)).as("process gone").isFalse();
        // 61 s is past the 60 s after which a heartbeat is stale.
        assertThat(beat.alive(NOW.plusSeconds(61), "workstation", pid -> true)).as("stale").isFalse();
        assertThat(beat.alive(NOW.plusSeconds(10), "cloud-worker-7", pid -> false))
                .as("another host: only freshness counts").isTrue();
    }
}
