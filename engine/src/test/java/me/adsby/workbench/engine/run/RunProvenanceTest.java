package me.adsby.workbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunProvenanceTest {

    @TempDir
    Path temp;

    @Test
    void aLocalFilesContentHashIsTheSha256OfItsBytes() throws Exception {
        Path file = Files.writeString(temp.resolve("abc.csv"), "abc", StandardCharsets.US_ASCII);
        LocalBlobStore store = new LocalBlobStore();
        BlobInfo info = store.stat(BlobUri.local(file)).orElseThrow();

        // SHA-256("abc"), the worked example of FIPS 180-2, appendix B.1.
        assertThat(RunProvenance.contentHash(store, info))
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aBucketObjectsHashIsTheOneTheStoreKeeps() throws Exception {
        BlobUri uri = BlobUri.gcs("ads", "train.csv");
        LocalBlobStore unused = new LocalBlobStore();

        assertThat(RunProvenance.contentHash(unused, new BlobInfo(uri, 3, Instant.EPOCH, 1, 1, "kAFQmDzST7DWlj99KOF/cg==",
                "NT7G9A==", "text/csv"))).isEqualTo("md5:kAFQmDzST7DWlj99KOF/cg==");
        assertThat(RunProvenance.contentHash(unused, new BlobInfo(uri, 3, Instant.EPOCH, 1, 1, null, "NT7G9A==",
                "text/csv"))).isEqualTo("crc32c:NT7G9A==");
    }
}
