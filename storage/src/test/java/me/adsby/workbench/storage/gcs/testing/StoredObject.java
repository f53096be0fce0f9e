package me.adsby.workbench.storage.gcs.testing;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32C;

/**
 * One object version held by the {@link GcsTestServer}: its bytes and metadata. Immutable (the bytes are never
 * handed out for writing).
 */
record StoredObject(String bucket, String name, byte[] data, long generation, long metageneration,
        String contentType, Instant created, Instant updated, String md5, String crc32c) {

    static StoredObject create(String bucket, String name, byte[] data, long generation, String contentType,
            Instant now) {
        return new StoredObject(bucket, name, data, generation, 1, contentType == null
                ? "application/octet-stream" : contentType, now, now, md5Of(data), crc32cOf(data));
    }

    long size() {
        return data.length;
    }

    /** Base64 of the MD5 digest, as GCS's {@code md5Hash}. */
    static String md5Of(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no MD5", e);
        }
    }

    /** Base64 of the CRC32C in big-endian byte order, as GCS's {@code crc32c}. */
    static String crc32cOf(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
