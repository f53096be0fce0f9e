package me.adsby.workbench.engine.run;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.history.Provenance;
import me.adsby.workbench.engine.about.VersionInfo;

/**
 * Where a run's data came from and what ran it, as the history keeps it. The content hash is a real hash of the
 * dataset's bytes: the MD5 or CRC32C that GCS keeps for the object, or a SHA-256 read from a local file.
 */
final class RunProvenance {

    private RunProvenance() {
    }

    static Provenance of(BlobStore store, BlobInfo dataset, long seed) throws IOException {
        String uri = dataset.uri().toString();
        return new Provenance(uri, Map.of(uri, Long.toString(dataset.generation())), contentHash(store, dataset),
                VersionInfo.workbench(), seed, "TensorFlow Java " + VersionInfo.tensorflowJava(), CancelWatch.hostName(),
                Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                        + " MiB heap per JVM");
    }

    /** {@code md5:...} or {@code crc32c:...} as the store keeps them, else {@code sha256:...} of the bytes. */
    static String contentHash(BlobStore store, BlobInfo dataset) throws IOException {
        if (dataset.uri().isGcs() && dataset.md5() != null) {
            return "md5:" + dataset.md5();
        }
        if (dataset.uri().isGcs() && dataset.crc32c() != null) {
            return "crc32c:" + dataset.crc32c();
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = store.open(dataset.uri())) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
