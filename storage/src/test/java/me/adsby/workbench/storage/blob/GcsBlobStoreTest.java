package me.adsby.workbench.storage.blob;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The contract on GCS: the real Java client over HTTP to the in-JVM test server. */
class GcsBlobStoreTest extends BlobStoreContractTest {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    static GcsTestServer server;
    static GcsBlobStore store;
    String bucket;

    @BeforeAll
    static void startServer() throws IOException {
        server = GcsTestServer.start();
        store = new GcsBlobStore(server.options());
    }

    @AfterAll
    static void stopServer() throws IOException {
        store.close();
        server.close();
    }

    @BeforeEach
    void freshBucket() {
        bucket = "contract-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
    }

    @AfterEach
    void clearFaults() {
        server.clearFaults();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected BlobUri root() {
        return BlobUri.gcs(bucket, "");
    }

    @Override
    protected void seed(BlobUri uri, byte[] data) {
        server.putObject(uri.bucket(), uri.path(), data, null);
    }
}
