package me.adsby.workbench.engine.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.adsby.workbench.engine.registry.Registry;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves a registry over TensorFlow Serving's REST API ({@link ServingApi}) on Jetty (ADR 20). A request is
 * hostile until proven otherwise:
 * <ul>
 *   <li>its body is read without holding a thread, up to {@link ServerOptions#maxBodyBytes} (413 beyond, or
 *       at once when its Content-Length says so), within a deadline of its own set by
 *       {@link ServerOptions#minDataRate} (408 after it, {@link #readDeadline}), and a connection idle for
 *       {@link ServerOptions#idleTimeout} is closed: slow clients cost a socket, never a thread;</li>
 *   <li>at most {@link ServerOptions#threads} requests predict at once, with a bounded queue behind them
 *       (503 when it is full);</li>
 *   <li>what a body may hold and which images it may name: {@link PredictRequest}, {@link RequestImages}.</li>
 * </ul>
 * Each version is loaded once, on its first request, and freed at {@link #close}.
 */
public final class PredictionServer implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int QUEUE_PER_THREAD = 64;

    private final ServerOptions options;
    private final ServingApi api;
    private final ThreadPoolExecutor predictors;
    private final Server jetty;
    private final ServerConnector connector;

    private PredictionServer(Registry registry, ServerOptions options, java.util.function.Consumer<String> log)
            throws IOException {
        this.options = options;
        RequestImages images = new RequestImages(options);
        this.api = new ServingApi(registry, options, images, log);
        AtomicInteger count = new AtomicInteger();
        this.predictors = new ThreadPoolExecutor(options.threads(), options.threads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(options.threads() * QUEUE_PER_THREAD), task -> {
                    Thread thread = new Thread(task, "serve-predict-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        QueuedThreadPool io = new QueuedThreadPool(Math.max(8, 2 * Runtime.getRuntime().availableProcessors()), 2);
        io.setName("serve-http");
        io.setDaemon(true);
        this.jetty = new Server(io);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(16 * 1024);
        this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        connector.setIdleTimeout(options.idleTimeout().toMillis());
        jetty.addConnector(connector);
        jetty.setHandler(new ApiHandler());
    }

    /** Starts serving, telling a refused config on standard error; the image roots must exist. */
    public static PredictionServer start(Registry registry, ServerOptions options) throws IOException {
        return start(registry, options, message -> System.err.println("workbench serve: " + message));
    }

    /** Starts serving, telling {@code log} when a new config is refused; the image roots must exist. */
    public static PredictionServer start(Registry registry, ServerOptions options, java.util.function.Consumer<String> log)
            throws IOException {
        PredictionServer server = new PredictionServer(registry, options, log);
        try {
            server.jetty.start();
        } catch (Exception e) {
            server.close();
            throw new IOException("Cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        return server;
    }

    /** The port it listens on (the one chosen when the options said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return options.host();
    }

    /** Why the newest {@code models.config} is not served (TF Serving's FAILED_PRECONDITION), or null when it is. */
    public String configRefusal() {
        return api.refusal();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping is best effort: the sockets close with the process at the latest
        }
        predictors.shutdown();
        try {
            if (!predictors.awaitTermination(10, TimeUnit.SECONDS)) {
                predictors.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        api.close();
    }

    /** Reads the body without blocking, then answers from a predictor thread. */
    private final class ApiHandler extends Handler.Abstract.NonBlocking {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            String path = request.getHttpURI().getPath();
            long limit = options.maxBodyBytes();
            if (request.getLength() > limit) {
                send(response, callback, tooLarge(limit));
                return true;
            }
            long deadline = readDeadline(request.getLength()).toMillis();
            Content.Source.asByteArrayAsync(request, (int) limit).orTimeout(deadline, TimeUnit.MILLISECONDS)
                    .whenComplete((body, failure) -> {
                if (failure != null) {
                    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    // Jetty fails the read with IllegalStateException when the body passes the size given.
                    send(response, callback, cause instanceof IllegalStateException ? tooLarge(limit)
                            : cause instanceof java.util.concurrent.TimeoutException ? tooSlow(deadline)
                            : ServingApi.error(400, "Cannot read the request body: " + cause.getMessage()));
                    return;
                }
                try {
                    predictors.execute(() -> send(response, callback, api.handle(method, path, body)));
                } catch (RejectedExecutionException e) {
                    send(response, callback, ServingApi.error(503, "The server is busy: " + predictors.getQueue().size()
                            + " requests wait; try again"));
                }
            });
            return true;
        }
    }

    /**
     * How long a body may take to arrive: its length at {@link ServerOptions#minDataRate} bytes a second, at least
     * the idle timeout and at most ten of them; a body of unknown length gets ten. Each request is timed on its
     * own: a client that trickles its body is cut off however busy the server is with others.
     */
    Duration readDeadline(long length) {
        Duration idle = options.idleTimeout();
        Duration most = idle.multipliedBy(10);
        if (length < 0 || options.minDataRate() == 0) {
            return most;
        }
        Duration needed = Duration.ofMillis(length * 1000 / options.minDataRate());
        return needed.compareTo(idle) < 0 ? idle : needed.compareTo(most) > 0 ? most : needed;
    }

    private static ServingApi.Reply tooSlow(long deadline) {
        return ServingApi.error(408, "The request body did not arrive within " + deadline + " ms: send it faster");
    }

    private static ServingApi.Reply tooLarge(long limit) {
        return ServingApi.error(413, "The request body is over the limit of " + limit + " bytes");
    }

    private static void send(Response response, Callback callback, ServingApi.Reply reply) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(reply.body());
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
