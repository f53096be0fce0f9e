package me.adsby.workbench.storage.blob;

import java.time.Instant;

/**
 * What a store knows of one object.
 *
 * @param generation     GCS's generation; for local files a number that changes whenever the file does
 *                       (its modification time in nanoseconds)
 * @param metageneration GCS's metageneration; 1 for local files
 * @param md5            base64 MD5 of the content, or null when the store does not keep one
 * @param crc32c         base64 big-endian CRC32C of the content, or null when the store does not keep one
 * @param contentType    the MIME type, or null
 */
public record BlobInfo(BlobUri uri, long size, Instant updated, long generation, long metageneration, String md5,
        String crc32c, String contentType) {
}
