package me.adsby.workbench.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoresTest {

    @Test
    void localUrisGetTheLocalStoreAndGcsUrisOneSharedGcsStore(@TempDir Path dir) throws Exception {
        try (GcsTestServer server = GcsTestServer.start(); BlobStores stores = new BlobStores(server.options())) {
            server.createBucket("b");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            var seen = ConcurrentHashMap.<BlobStore>newKeySet();
            for (int i = 0; i < 32; i++) {
                pool.submit(() -> {
                    seen.add(stores.forUri(BlobUri.parse("gs://b/x" + Thread.currentThread().getId())));
                    return null;
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            assertThat(stores.forUri(BlobUri.local(dir))).isInstanceOf(LocalBlobStore.class);
            assertThat(seen).hasSize(1).first().isInstanceOf(GcsBlobStore.class);
            assertThat(stores.forUri(BlobUri.parse("gs://b/"))).isSameAs(seen.iterator().next());
        }
    }

    @Test
    void closedStoresRefuseNewWork(@TempDir Path dir) throws Exception {
        BlobStores stores = new BlobStores(new GcsOptions(null, "http://127.0.0.1:9"));
        stores.forUri(BlobUri.parse("gs://b/x"));
        stores.close();

        assertThatThrownBy(() -> stores.forUri(BlobUri.local(dir))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stores.forUri(BlobUri.parse("gs://b/x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void localUrisNeverNeedCredentials(@TempDir Path dir) throws Exception {
        // Google's endpoint with no ADC on this machine would fail, but it is never touched for local paths.
        try (BlobStores stores = new BlobStores(new GcsOptions(null, null))) {
            assertThat(stores.forUri(BlobUri.local(dir)).stat(BlobUri.local(dir.resolve("x")))).isEmpty();
        }
    }
}
