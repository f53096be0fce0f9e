package me.adsby.workbench.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the local file system, plus what only local stores do. */
class LocalBlobStoreTest extends BlobStoreContractTest {

    @TempDir
    Path dir;

    private final LocalBlobStore store = new LocalBlobStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected BlobUri root() {
        return BlobUri.local(dir);
    }

    @Override
    protected void seed(BlobUri uri, byte[] data) throws IOException {
        Files.createDirectories(uri.toPath().getParent());
        Files.write(uri.toPath(), data);
    }

    @Test
    void listingsSkipFilesBeingWritten() throws IOException {
        Files.write(dir.resolve(LocalFiles.TEMP_PREFIX + "123.tmp"), new byte[1]);
        Files.write(dir.resolve("real.txt"), new byte[1]);

        assertThat(store.list(root(), "/", 10, null).objects()).extracting(o -> o.uri().name())
                .containsExactly("real.txt");
        assertThat(store.list(root(), null, 10, null).objects()).extracting(o -> o.uri().name())
                .containsExactly("real.txt");
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws IOException {
        store.write(root().resolve("x.txt"), new ByteArrayInputStream(new byte[3]), null, WriteCondition.NONE);
        assertThatThrownBy(() -> store.write(root().resolve("x.txt"), new ByteArrayInputStream(new byte[3]), null,
                WriteCondition.IF_ABSENT)).isInstanceOf(PreconditionFailedException.class);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("x.txt");
        }
    }

    @Test
    void generationIsTheModificationTimeInMicroseconds() throws IOException {
        BlobInfo info = store.write(root().resolve("m.txt"), new ByteArrayInputStream(new byte[1]), null,
                WriteCondition.NONE);

        long micros = Files.getLastModifiedTime(dir.resolve("m.txt")).to(java.util.concurrent.TimeUnit.MICROSECONDS);
        assertThat(info.generation()).isEqualTo(micros);
        assertThat(info.md5()).isNull();
        assertThat(info.crc32c()).isNull();
    }

    @Test
    void listingAMissingFolderNamesIt() {
        String missing = dir.resolve("absent") + "/";

        assertThatThrownBy(() -> store.list(new BlobUri(null, missing), "/", 10, null))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining(missing);
    }

    @Test
    void aPrefixWithoutSlashListsMatchingNamesOnly() throws IOException {
        Files.createDirectories(dir.resolve("absent-not"));

        assertThat(store.list(root().resolve("absent"), "/", 10, null).folders())
                .containsExactly(new BlobUri(null, dir.resolve("absent-not") + "/"));
        assertThat(store.list(root().resolve("zzz"), "/", 10, null).objects()).isEmpty();
    }

    @Test
    void refusesGcsUris() {
        assertThatThrownBy(() -> store.stat(BlobUri.parse("gs://b/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gs://b/x");
    }
}
