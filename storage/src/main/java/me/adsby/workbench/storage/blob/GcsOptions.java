package me.adsby.workbench.storage.blob;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Google Cloud Storage.
 *
 * <p>The endpoint rule: {@code endpoint == null} means Google's own endpoint with Application Default
 * Credentials; an endpoint that starts with {@code http://} is a test or private server and is used with
 * <em>no</em> credentials (never send tokens over plain HTTP); any other endpoint (normally {@code https://})
 * is used with Application Default Credentials.
 *
 * <p>Retries of idempotent requests on 408, 429 and 5xx back off exponentially (multiplier 2) from
 * {@code initialRetryDelay} up to {@code maxRetryDelay}, for at most {@code maxAttempts} attempts and at most
 * {@code totalTimeout} in all.
 *
 * @param projectId         the Google Cloud project, or null for the one ADC names
 * @param endpoint          null for Google, else the endpoint's URL (see the rule above)
 * @param initialRetryDelay the first back-off
 * @param maxRetryDelay     the longest back-off
 * @param totalTimeout      the longest time one operation may take, retries included
 * @param maxAttempts       the most attempts of one request, the first included
 * @param uploadChunkSize   bytes per chunk of a resumable upload: a multiple of 256 KiB
 */
public record GcsOptions(String projectId, String endpoint, Duration initialRetryDelay, Duration maxRetryDelay,
        Duration totalTimeout, int maxAttempts, int uploadChunkSize) {

    /** Google's recommended first back-off (GCS retry strategy documentation). */
    public static final Duration DEFAULT_INITIAL_RETRY_DELAY = Duration.ofSeconds(1);
    /** Google's recommended longest back-off. */
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(32);
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofMinutes(2);
    public static final int DEFAULT_MAX_ATTEMPTS = 6;
    /** The client's default resumable chunk: 16 MiB. */
    public static final int DEFAULT_UPLOAD_CHUNK_SIZE = 16 * 1024 * 1024;
    /** Resumable upload chunks must be multiples of this (GCS JSON API documentation). */
    public static final int UPLOAD_CHUNK_GRANULARITY = 256 * 1024;

    public GcsOptions {
        Objects.requireNonNull(initialRetryDelay, "initialRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        if (projectId != null && projectId.isBlank()) {
            projectId = null;
        }
        if (endpoint != null && endpoint.isBlank()) {
            endpoint = null;
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (uploadChunkSize <= 0 || uploadChunkSize % UPLOAD_CHUNK_GRANULARITY != 0) {
            throw new IllegalArgumentException("uploadChunkSize must be a positive multiple of 256 KiB, not "
                    + uploadChunkSize);
        }
    }

    /** Google's recommended retry settings and 16 MiB upload chunks. */
    public GcsOptions(String projectId, String endpoint) {
        this(projectId, endpoint, DEFAULT_INITIAL_RETRY_DELAY, DEFAULT_MAX_RETRY_DELAY, DEFAULT_TOTAL_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_UPLOAD_CHUNK_SIZE);
    }

    /** These options with other retry settings (tests use milliseconds). */
    public GcsOptions withRetries(Duration initialDelay, Duration maxDelay, Duration total, int attempts) {
        return new GcsOptions(projectId, endpoint, initialDelay, maxDelay, total, attempts, uploadChunkSize);
    }

    /** These options with another resumable upload chunk size. */
    public GcsOptions withUploadChunkSize(int bytes) {
        return new GcsOptions(projectId, endpoint, initialRetryDelay, maxRetryDelay, totalTimeout, maxAttempts, bytes);
    }

    /** Whether the endpoint is a plain-HTTP test or private server, used without credentials. */
    public boolean usesPlainHttpServer() {
        return endpoint != null && endpoint.startsWith("http://");
    }
}
