package me.adsby.workbench.engine.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@link PredictionServer} listens, and the bounds it puts on every request (ADR 20).
 *
 * @param host           the address to bind: 127.0.0.1 unless told otherwise
 * @param port           the port, or 0 for a free one
 * @param maxBodyBytes   larger request bodies are refused with 413
 * @param threads        requests predicted at once (reading and writing bodies takes no thread)
 * @param configRecheck  how often, at most, {@code models.config}'s generation is checked for label changes
 * @param maxInstances   the most instances (rows) one request may hold; more are refused with 400
 * @param imageRoots     folders whose files a request may name as images (by real path); none: only
 *                       {@code {"b64": ...}} images
 * @param maxImageBytes  a larger encoded image is refused before it is decoded
 * @param maxImagePixels an image whose header claims more pixels is refused before its pixels are decoded
 * @param idleTimeout    a connection that sends or reads nothing for this long is closed
 * @param minDataRate    bytes per second a request's body must arrive at on average: its own deadline is its
 *                       length at this rate, from one to ten idle timeouts (408 after it)
 */
public record ServerOptions(String host, int port, long maxBodyBytes, int threads, Duration configRecheck,
        int maxInstances, List<Path> imageRoots, long maxImageBytes, long maxImagePixels, Duration idleTimeout,
        long minDataRate) {

    public static final int DEFAULT_PORT = 8501;
    public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;
    public static final int DEFAULT_MAX_INSTANCES = 1_000;
    public static final long DEFAULT_MAX_IMAGE_BYTES = 8L << 20;
    /** 4096 x 4096: far above any ad banner, and decoded in a fraction of a second. */
    public static final long DEFAULT_MAX_IMAGE_PIXELS = 4096L * 4096L;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MIN_DATA_RATE = 1024;

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be 0..65535, not " + port);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8 || threads < 1 || maxInstances < 1
                || maxImageBytes < 1 || maxImagePixels < 1 || minDataRate < 0) {
            throw new IllegalArgumentException("The server's limits must be positive (the body under 2 GiB)");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("The idle timeout must be positive, not " + idleTimeout);
        }
        imageRoots = List.copyOf(imageRoots);
    }

    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES,
                Math.max(2, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(1), DEFAULT_MAX_INSTANCES,
                List.of(), DEFAULT_MAX_IMAGE_BYTES, DEFAULT_MAX_IMAGE_PIXELS, DEFAULT_IDLE_TIMEOUT, DEFAULT_MIN_DATA_RATE);
    }

    /** Whether the host is this machine only (127.0.0.0/8, ::1 or localhost). */
    public boolean loopbackOnly() {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, maxBodyBytes, threads, configRecheck, maxInstances, imageRoots,
                maxImageBytes, maxImagePixels, idleTimeout, minDataRate);
    }

    public ServerOptions withHost(String newHost) {
        return new ServerOptions(newHost, port, maxBodyBytes, threads, configRecheck, maxInstances, imageRoots,
                maxImageBytes, maxImagePixels, idleTimeout, minDataRate);
    }

    public ServerOptions withMaxBodyBytes(long bytes) {
        return new ServerOptions(host, port, bytes, threads, configRecheck, maxInstances, imageRoots, maxImageBytes,
                maxImagePixels, idleTimeout, minDataRate);
    }

    public ServerOptions withThreads(int count) {
        return new ServerOptions(host, port, maxBodyBytes, count, configRecheck, maxInstances, imageRoots, maxImageBytes,
                maxImagePixels, idleTimeout, minDataRate);
    }

    public ServerOptions withConfigRecheck(Duration recheck) {
        return new ServerOptions(host, port, maxBodyBytes, threads, recheck, maxInstances, imageRoots, maxImageBytes,
                maxImagePixels, idleTimeout, minDataRate);
    }

    public ServerOptions withMaxInstances(int instances) {
        return new ServerOptions(host, port, maxBodyBytes, threads, configRecheck, instances, imageRoots, maxImageBytes,
                maxImagePixels, idleTimeout, minDataRate);
    }

    public ServerOptions withImageRoots(List<Path> roots) {
        return new ServerOptions(host, port, maxBodyBytes, threads, configRecheck, maxInstances, roots, maxImageBytes,
                maxImagePixels, idleTimeout, minDataRate);
    }

    public ServerOptions withImageLimits(long bytes, long pixels) {
        return new ServerOptions(host, port, maxBodyBytes, threads, configRecheck, maxInstances, imageRoots, bytes, pixels,
                idleTimeout, minDataRate);
    }

    public ServerOptions withTimeouts(Duration idle, long bytesPerSecond) {
        return new ServerOptions(host, port, maxBodyBytes, threads, configRecheck, maxInstances, imageRoots, maxImageBytes,
                maxImagePixels, idle, bytesPerSecond);
    }
}
