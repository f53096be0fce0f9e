package me.adsby.workbench.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What only the GCS store does: retries, access errors, broken downloads, checksums, chunked uploads. */
class GcsBlobStoreFaultsTest {

    static GcsTestServer server;
    static GcsBlobStore store;

    @BeforeAll
    static void start() throws IOException {
        server = GcsTestServer.start();
        server.createBucket("b");
        store = new GcsBlobStore(server.options());
    }

    @AfterAll
    static void stop() throws IOException {
        store.close();
        server.close();
    }

    @AfterEach
    void clearFaults() {
        server.clearFaults();
    }

    private static BlobInfo put(String name, byte[] data) throws IOException {
        return store.write(BlobUri.gcs("b", name), new ByteArrayInputStream(data), null, WriteCondition.NONE);
    }

    private List<String> requestsSince(long before) {
        List<String> all = server.requests();
        return all.subList(all.size() - (int) (server.requestCount() - before), all.size());
    }

    @Test
    void aConnectionResetMidDownloadResumesAtTheByteItStoppedAtOfTheSameGeneration() throws IOException {
        byte[] data = new byte[1 << 20];
        new Random(1).nextBytes(data);
        BlobInfo info = put("reset.bin", data);
        server.resetConnectionInNextDownloadAfter(100_000);
        long before = server.requestCount();

        byte[] got;
        try (InputStream in = store.open(BlobUri.gcs("b", "reset.bin"))) {
            got = in.readAllBytes();
        }

        // What the real client (2.63.0) does: it asks again from byte 100,000, pinned to the generation it
        // started reading, and the stream carries on with no error.
        assertThat(got).isEqualTo(data);
        List<String> requests = requestsSince(before);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).contains("generation=" + info.generation()).endsWith("Range: bytes=100000-");
    }

    @Test
    void injected503sAreRetriedToSuccess() throws IOException {
        put("r.txt", new byte[] {1, 2, 3});
        server.failNext(2, 503);
        long before = server.requestCount();

        assertThat(store.stat(BlobUri.gcs("b", "r.txt"))).isPresent();
        assertThat(requestsSince(before)).hasSize(3);
    }

    @Test
    void injected429sAreRetriedInListingsAndDownloads() throws IOException {
        put("list/one", new byte[] {1});
        server.failNext(3, 429);

        assertThat(store.list(BlobUri.gcs("b", "list/"), "/", 10, null).objects()).hasSize(1);

        server.failNext(2, 429);
        try (InputStream in = store.open(BlobUri.gcs("b", "list/one"))) {
            assertThat(in.readAllBytes()).containsExactly(1);
        }
    }

    @Test
    void conditionalUploadsAreRetriedOn503() throws IOException {
        server.failNext(2, 503);

        BlobInfo info = store.write(BlobUri.gcs("b", "retried-upload"), new ByteArrayInputStream(new byte[10]), null,
                WriteCondition.IF_ABSENT);

        assertThat(info.size()).isEqualTo(10);
    }

    @Test
    void moreFailuresThanAttemptsGiveAClearError() throws IOException {
        put("down.txt", new byte[1]);
        server.failNext(100, 503);

        // options(): 6 attempts, so the 6th 503 is the last.
        assertThatThrownBy(() -> store.stat(BlobUri.gcs("b", "down.txt")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("gs://b/down.txt")
                .hasMessageContaining("503");
    }

    @Test
    void aDeniedObjectGivesAnAccessDeniedExceptionThatSaysWhatToCheck() throws IOException {
        put("secret.csv", new byte[1]);
        server.denyAccess("b/secret.csv", 403);

        assertThatThrownBy(() -> store.stat(BlobUri.gcs("b", "secret.csv")))
                .isInstanceOf(BlobAccessDeniedException.class)
                .hasMessageContaining("bucket 'b'")
                .hasMessageContaining("object 'secret.csv'")
                .hasMessageContaining("gcloud auth application-default login")
                .hasMessageContaining("role");
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(BlobUri.gcs("b", "secret.csv"))) {
                in.read();
            }
        }).isInstanceOf(BlobAccessDeniedException.class).hasMessageContaining("gs://b/secret.csv");
    }

    @Test
    void aDeniedBucketFailsListingsWithAccessDenied() {
        server.createBucket("locked");
        server.denyAccess("locked", 403);

        assertThatThrownBy(() -> store.list(BlobUri.gcs("locked", ""), "/", 10, null))
                .isInstanceOf(BlobAccessDeniedException.class)
                .hasMessageContaining("bucket 'locked'");
    }

    @Test
    void aMissingBucketIsNamedAsSuch() {
        assertThatThrownBy(() -> store.list(BlobUri.gcs("no-bucket", ""), "/", 10, null))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessage("gs://no-bucket/: no such bucket");
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(BlobUri.gcs("no-bucket", "x"))) {
                in.read();
            }
        }).isInstanceOf(BlobNotFoundException.class).hasMessage("gs://no-bucket/x: no such bucket");
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(BlobUri.gcs("b", "my-bucket-list.txt"))) {
                in.read();
            }
        }).isInstanceOf(BlobNotFoundException.class).hasMessage("gs://b/my-bucket-list.txt: no such object");
    }

    @Test
    void checksumsOfAnUploadMatchTheJdksCrc32cAndMd5() throws Exception {
        byte[] data = new byte[300_001];
        new Random(3).nextBytes(data);
        CRC32C crc = new CRC32C();
        crc.update(data);
        // GCS documents crc32c as base64 of the big-endian CRC32C, md5Hash as base64 of the MD5 digest.
        String expectedCrc = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        String expectedMd5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));

        BlobInfo written = put("sums.bin", data);
        BlobInfo stat = store.stat(BlobUri.gcs("b", "sums.bin")).orElseThrow();

        assertThat(written.crc32c()).isEqualTo(expectedCrc);
        assertThat(written.md5()).isEqualTo(expectedMd5);
        assertThat(stat.crc32c()).isEqualTo(expectedCrc);
        assertThat(stat.md5()).isEqualTo(expectedMd5);
    }

    @Test
    void checksumsOfAKnownStringMatchPublishedValues() throws IOException {
        // RFC 3720 (iSCSI) B.4: CRC32C of 32 bytes of zeros is 0x8A9136AA; MD5 of the same is 70bc8f4b72a86921468bf8e8441dce51.
        BlobInfo written = put("zeros", new byte[32]);

        assertThat(written.crc32c()).isEqualTo(Base64.getEncoder().encodeToString(new byte[] {(byte) 0x8A, (byte) 0x91,
                0x36, (byte) 0xAA}));
        assertThat(Base64.getDecoder().decode(written.md5())).containsExactly(java.util.HexFormat.of()
                .parseHex("70bc8f4b72a86921468bf8e8441dce51"));
    }

    @Test
    void aFortyMebibyteUploadGoesInSixteenMebibyteChunks() throws Exception {
        byte[] data = new byte[40 << 20];
        new Random(4).nextBytes(data);
        long before = server.requestCount();

        BlobInfo info = put("big.bin", data);

        assertThat(info.size()).isEqualTo(data.length);
        List<String> requests = requestsSince(before);
        // One session start, then 16 + 16 + 8 MiB: 0-16777215, 16777216-33554431, 33554432-41943039/41943040.
        assertThat(requests.get(0)).startsWith("POST /upload/storage/v1/b/b/o?").contains("uploadType=resumable");
        assertThat(requests.subList(1, requests.size())).extracting(r -> r.substring(r.indexOf("Content-Range")))
                .containsExactly("Content-Range: bytes 0-16777215/*", "Content-Range: bytes 16777216-33554431/*",
                        "Content-Range: bytes 33554432-41943039/41943040");
        assertThat(info.md5()).isEqualTo(Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data)));
    }

    @Test
    void aFailedConditionalUploadLeavesNoObject() throws IOException {
        BlobInfo first = put("cond.bin", new byte[] {1});

        assertThatThrownBy(() -> store.write(BlobUri.gcs("b", "cond.bin"), new ByteArrayInputStream(new byte[5]), null,
                WriteCondition.ifGenerationMatches(first.generation() - 1))).isInstanceOf(PreconditionFailedException.class);
        assertThat(store.stat(BlobUri.gcs("b", "cond.bin")).orElseThrow().generation()).isEqualTo(first.generation());
    }

    @Test
    void withoutCredentialsTheErrorSaysHowToLogIn() {
        assertThatThrownBy(() -> GcsClientFactory.create(new GcsOptions(null, null), () -> {
            throw new IOException("Your default credentials were not found.");
        })).isInstanceOf(IOException.class)
                .hasMessageContaining("gcloud auth application-default login")
                .hasMessageNotContaining("null");
    }
}
