package me.adsby.workbench.engine.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.registry.ModelConfig;
import me.adsby.workbench.engine.registry.ModelServerConfig;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.image.ImageDecoder;

/**
 * Serves a registry over TensorFlow Serving's REST API, on the JDK's HTTP server:
 * <pre>
 *   GET  /v1/models/{name}[/versions/{v} | /labels/{label}]             the served versions' status
 *   POST /v1/models/{name}[/versions/{v} | /labels/{label}]:predict     {"instances": [{column: value, ...}, ...]}
 *                                                                       answers {"predictions": [p, ...]}
 * </pre>
 * Instances are keyed by the dataset's column names ({@link InstanceReader}). Without a version or label,
 * {@code production} answers, else the highest served version. Errors are {@code {"error": "..."}} with 400
 * (bad instances), 404 (unknown model, version or label), 405, 413 (body over the limit) or 500.
 *
 * <p>{@code models.config} is looked at again at most every {@link ServerOptions#configRecheck}: when its
 * generation moved, labels and served versions change without a restart. Each version is loaded once, on its
 * first request, and freed at {@link #close}. Sockets are TCP_NODELAY ({@code sun.net.httpserver.nodelay}, set
 * unless given) so that single-row answers do not wait on delayed ACKs.
 */
public final class PredictionServer implements AutoCloseable {

    static {
        // The JDK server leaves Nagle's algorithm on unless told: with the client's delayed ACK every small
        // response waits about 40 ms. Read once, when the JDK's server is first used in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "/v1/models/";
    /** The most of a refused body that is read and dropped before answering 413. */
    private static final long DRAIN_LIMIT = 256L << 20;

    private final Registry registry;
    private final ServerOptions options;
    private final LoadedModels models;
    private final HttpServer http;
    private final ExecutorService executor;
    private final Object configLock = new Object();
    private volatile Registry.ConfigSnapshot snapshot;
    private volatile long checkedAt;

    private PredictionServer(Registry registry, ServerOptions options, ImageDecoder images) throws IOException {
        this.registry = registry;
        this.options = options;
        this.models = new LoadedModels(registry, images);
        this.snapshot = registry.readConfig();
        this.checkedAt = System.nanoTime();
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(options.threads(), task -> {
            Thread thread = new Thread(task, "serve-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new IOException("Cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        http.setExecutor(executor);
        http.createContext(PREFIX, this::handle);
    }

    /**
     * Starts serving.
     *
     * @param images decodes images given by URI or as bytes (its stores resolve {@code gs://} and local paths)
     */
    public static PredictionServer start(Registry registry, ServerOptions options, ImageDecoder images) throws IOException {
        PredictionServer server = new PredictionServer(registry, options, images);
        server.http.start();
        return server;
    }

    /** The port it listens on (the one chosen when the options said 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    public String host() {
        return options.host();
    }

    @Override
    public void close() {
        http.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        models.close();
    }

    // Requests

    /** What a path asks for: a model, and a version or a label or neither; and whether it predicts. */
    private record Target(String model, Long version, String label, boolean predict) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status;
            Object body;
            try {
                Target target = parse(exchange.getRequestURI().getRawPath());
                String method = exchange.getRequestMethod();
                if (target.predict()) {
                    if (!method.equals("POST")) {
                        throw new BadRequestException(405, "Use POST for :predict");
                    }
                    body = predict(target, readBody(exchange));
                } else {
                    if (!method.equals("GET")) {
                        throw new BadRequestException(405, "Use GET for a model's status");
                    }
                    body = status(target);
                }
                status = 200;
            } catch (BadRequestException e) {
                status = e.status();
                body = Map.of("error", e.getMessage());
            } catch (IOException | RuntimeException e) {
                status = 500;
                body = Map.of("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Target parse(String rawPath) throws BadRequestException {
        if (!rawPath.startsWith(PREFIX)) {
            throw BadRequestException.notFound("No such path: " + rawPath);
        }
        String rest = rawPath.substring(PREFIX.length());
        boolean predict = rest.endsWith(":predict");
        if (predict) {
            rest = rest.substring(0, rest.length() - ":predict".length());
        } else if (rest.contains(":")) {
            throw BadRequestException.notFound("This server answers :predict only, not " + rest.substring(rest.indexOf(':')));
        }
        String[] parts = rest.split("/", -1);
        if (parts.length == 1) {
            return new Target(parts[0], null, null, predict);
        }
        if (parts.length == 3 && parts[1].equals("versions")) {
            try {
                return new Target(parts[0], Long.parseLong(parts[2]), null, predict);
            } catch (NumberFormatException e) {
                throw BadRequestException.badRequest("'" + parts[2] + "' is not a version number");
            }
        }
        if (parts.length == 3 && parts[1].equals("labels")) {
            return new Target(parts[0], null, parts[2], predict);
        }
        throw BadRequestException.notFound("No such path: " + rawPath);
    }

    private byte[] readBody(HttpExchange exchange) throws IOException, BadRequestException {
        long limit = options.maxBodyBytes();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            throw BadRequestException.badRequest("Content-Length '" + length + "' is not a number");
        }
        try (InputStream in = exchange.getRequestBody()) {
            if (declared > limit) {
                drain(in);
                throw tooLarge(limit);
            }
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                drain(in);
                throw tooLarge(limit);
            }
            return body;
        }
    }

    /**
     * Reads and drops what is left of a refused body (up to {@link #DRAIN_LIMIT}), so the client, still sending,
     * reads the 413 instead of a reset connection. Beyond that the connection is closed on it.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = DRAIN_LIMIT;
        for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
            left -= n;
        }
    }

    private static BadRequestException tooLarge(long limit) {
        return new BadRequestException(413, "The request body is over the limit of " + limit + " bytes");
    }

    private Object predict(Target target, byte[] body) throws IOException, BadRequestException {
        ModelConfig model = model(target.model());
        long version = resolve(model, target);
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            throw BadRequestException.badRequest("The body is not JSON: " + e.getMessage());
        }
        if (request == null || !request.isObject()) {
            throw BadRequestException.badRequest("The body must be a JSON object with \"instances\"");
        }
        LoadedModels.Loaded loaded = models.get(model.name(), version);
        Batch batch = loaded.reader().read(request.get("instances"));
        float[] probabilities = loaded.model().predict(batch);
        ObjectNode response = JSON.createObjectNode();
        ArrayNode predictions = response.putArray("predictions");
        for (float p : probabilities) {
            predictions.add(p);
        }
        return response;
    }

    private Object status(Target target) throws IOException, BadRequestException {
        ModelConfig model = model(target.model());
        List<Long> versions = target.version() == null && target.label() == null
                ? model.versions().stream().sorted(java.util.Comparator.reverseOrder()).toList()
                : List.of(resolve(model, target));
        ArrayNode statuses = JSON.createArrayNode();
        for (long version : versions) {
            ObjectNode status = statuses.addObject();
            status.put("version", Long.toString(version));
            status.put("state", "AVAILABLE");
            ObjectNode ok = status.putObject("status");
            ok.put("error_code", "OK");
            ok.put("error_message", "");
        }
        ObjectNode response = JSON.createObjectNode();
        response.set("model_version_status", statuses);
        return response;
    }

    private ModelConfig model(String name) throws IOException, BadRequestException {
        Optional<ModelConfig> model = config().model(name);
        if (model.isEmpty()) {
            throw BadRequestException.notFound("Servable not found for request: Latest(" + name + ")");
        }
        return model.get();
    }

    private static long resolve(ModelConfig model, Target target) throws BadRequestException {
        if (target.version() != null) {
            if (!model.versions().contains(target.version())) {
                throw BadRequestException.notFound("Servable not found for request: Specific(" + model.name() + ", "
                        + target.version() + ")");
            }
            return target.version();
        }
        if (target.label() != null) {
            Long version = model.labels().get(target.label());
            if (version == null) {
                throw BadRequestException.notFound("Unrecognized servable version label: " + target.label());
            }
            return version;
        }
        Long production = model.labels().get(Registry.PRODUCTION);
        if (production != null) {
            return production;
        }
        if (model.versions().isEmpty()) {
            throw BadRequestException.notFound("Model " + model.name() + " serves no version");
        }
        return model.versions().last();
    }

    /** The config, looked at again when {@link ServerOptions#configRecheck} has passed since the last look. */
    private ModelServerConfig config() throws IOException {
        long recheck = options.configRecheck().toNanos();
        if (System.nanoTime() - checkedAt >= recheck) {
            synchronized (configLock) {
                if (System.nanoTime() - checkedAt >= recheck) {
                    try {
                        long generation = registry.store().stat(registry.configUri()).map(BlobInfo::generation).orElse(0L);
                        if (generation != snapshot.generation()) {
                            snapshot = registry.readConfig();
                        }
                    } finally {
                        checkedAt = System.nanoTime();
                    }
                }
            }
        }
        return snapshot.config();
    }
}
