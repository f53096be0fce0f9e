package me.adsby.workbench.engine.serve;

import java.time.Duration;

/**
 * How {@link PredictionServer} listens.
 *
 * @param host           the address to bind: 127.0.0.1 unless told otherwise
 * @param port           the port, or 0 for a free one
 * @param maxBodyBytes   larger request bodies are refused with 413
 * @param threads        requests handled at once
 * @param configRecheck  how often, at most, {@code models.config}'s generation is checked for label changes
 */
public record ServerOptions(String host, int port, long maxBodyBytes, int threads, Duration configRecheck) {

    public static final int DEFAULT_PORT = 8501;
    public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The port must be 0..65535, not " + port);
        }
        if (maxBodyBytes < 1 || threads < 1) {
            throw new IllegalArgumentException("maxBodyBytes and threads must be positive");
        }
    }

    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES,
                Math.max(2, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(1));
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, maxBodyBytes, threads, configRecheck);
    }

    public ServerOptions withHost(String newHost) {
        return new ServerOptions(newHost, port, maxBodyBytes, threads, configRecheck);
    }

    public ServerOptions withMaxBodyBytes(long bytes) {
        return new ServerOptions(host, port, bytes, threads, configRecheck);
    }

    public ServerOptions withConfigRecheck(Duration recheck) {
        return new ServerOptions(host, port, maxBodyBytes, threads, recheck);
    }
}
