package me.adsby.workbench.storage.gcs.testing;

import com.google.cloud.storage.Storage;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import me.adsby.workbench.storage.blob.GcsClientFactory;
import me.adsby.workbench.storage.blob.GcsOptions;

/**
 * An in-JVM server of the parts of Google Cloud Storage's JSON API that Workbench uses, for tests with the real
 * Java client: buckets; objects list (prefix, delimiter, maxResults, pageToken); object metadata; media
 * download with {@code Range}; multipart, media and resumable uploads; delete; copy and rewrite; generations
 * and the {@code ifGenerationMatch} family of preconditions (412); errors in Google's JSON error format.
 * Listens on 127.0.0.1 on a free port. In memory, no object versioning. Thread-safe.
 *
 * <p>Faults for tests: {@link #failNext}, {@link #addLatency}, {@link #resetConnectionInNextDownloadAfter},
 * {@link #denyAccess}.
 *
 * <pre>{@code
 * try (GcsTestServer server = GcsTestServer.start()) {
 *     server.createBucket("data");
 *     Storage storage = server.client();
 * }
 * }</pre>
 */
public final class GcsTestServer implements AutoCloseable {

    private static final int MAX_LOGGED_REQUESTS = 10_000;

    private final HttpServer http;
    private final ExecutorService executor;
    private final String baseUrl;
    private final Map<String, FakeBucket> buckets = new ConcurrentHashMap<>();
    private final Faults faults = new Faults();
    private final ResumableUploads uploads = new ResumableUploads();
    private final AtomicLong lastGeneration = new AtomicLong();
    private final AtomicLong requestCount = new AtomicLong();
    private final ArrayDeque<String> requestLog = new ArrayDeque<>();

    private GcsTestServer(HttpServer http, ExecutorService executor) {
        this.http = http;
        this.executor = executor;
        this.baseUrl = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Starts a server on 127.0.0.1 and a free port. */
    public static GcsTestServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "gcs-test-server");
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(executor);
            GcsTestServer server = new GcsTestServer(http, executor);
            http.createContext("/", new JsonApiHandler(server));
            http.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the GCS test server", e);
        }
    }

    /** The server's root, e.g. {@code http://127.0.0.1:40123}: the endpoint for {@link GcsOptions}. */
    public String url() {
        return baseUrl;
    }

    /** Options that point at this server, with retries in milliseconds so tests run fast. */
    public GcsOptions options() {
        return new GcsOptions("test-project", baseUrl)
                .withRetries(Duration.ofMillis(5), Duration.ofMillis(50), Duration.ofSeconds(20), 6);
    }

    /** A real client pointed at this server (no credentials, fast retries). The caller closes it. */
    public Storage client() {
        try {
            return GcsClientFactory.create(options());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a bucket (the JSON API's {@code POST /storage/v1/b} does the same); no-op if it exists. */
    public void createBucket(String name) {
        buckets.computeIfAbsent(name, n -> new FakeBucket(n, Instant.now(), this::nextGeneration));
    }

    /** Stores an object directly (fast set-up of large buckets); returns its generation. */
    public long putObject(String bucket, String name, byte[] data, String contentType) {
        return bucketOrThrow(bucket).put(name, data.clone(), contentType, Preconditions.NONE).generation();
    }

    /** The next {@code count} requests fail with {@code status} (e.g. 503, 429), in Google's error format. */
    public void failNext(int count, int status) {
        faults.failNext(count, status);
    }

    /** Every later request waits this long before it is served. */
    public void addLatency(Duration latency) {
        faults.addLatency(latency);
    }

    /** The next media download sends {@code bytes} bytes of its body, then closes the connection. */
    public void resetConnectionInNextDownloadAfter(long bytes) {
        faults.resetConnectionInNextDownloadAfter(bytes);
    }

    /** Requests that touch the bucket ({@code "b"}) or the object ({@code "b/name"}) get {@code status}. */
    public void denyAccess(String bucketOrObject, int status) {
        faults.denyAccess(bucketOrObject, status);
    }

    /** Removes every injected fault. */
    public void clearFaults() {
        faults.clear();
    }

    /** How many requests arrived so far. */
    public long requestCount() {
        return requestCount.get();
    }

    /** The latest requests (at most 10,000), each as {@code "METHOD /path?query"}. */
    public List<String> requests() {
        synchronized (requestLog) {
            return List.copyOf(requestLog);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- for the handlers ---

    Faults faults() {
        return faults;
    }

    ResumableUploads uploads() {
        return uploads;
    }

    FakeBucket bucketOrThrow(String name) {
        FakeBucket bucket = buckets.get(name);
        if (bucket == null) {
            throw GcsHttpException.noSuchBucket();
        }
        return bucket;
    }

    /** Creates a bucket through the API: 409 when it exists, as GCS answers. */
    FakeBucket createBucketByApi(String name) {
        FakeBucket created = new FakeBucket(name, Instant.now(), this::nextGeneration);
        if (buckets.putIfAbsent(name, created) != null) {
            throw new GcsHttpException(409, "conflict",
                    "Your previous request to create the named bucket succeeded and you already own it.");
        }
        return created;
    }

    void logRequest(String line) {
        requestCount.incrementAndGet();
        synchronized (requestLog) {
            if (requestLog.size() >= MAX_LOGGED_REQUESTS) {
                requestLog.removeFirst();
            }
            requestLog.add(line);
        }
    }

    /** Generations grow strictly, like GCS's microsecond timestamps. */
    private long nextGeneration() {
        long now = Instant.now().toEpochMilli() * 1000;
        return lastGeneration.updateAndGet(previous -> Math.max(previous + 1, now));
    }
}
