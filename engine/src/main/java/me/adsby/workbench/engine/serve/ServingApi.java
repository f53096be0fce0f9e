package me.adsby.workbench.engine.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.model.ModelExporter;
import me.adsby.workbench.engine.registry.ModelConfig;
import me.adsby.workbench.engine.registry.ModelServerConfig;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobInfo;

/**
 * TensorFlow Serving's REST API over a registry, apart from HTTP: a method, a path and a body in, a status
 * and a JSON body out.
 * <pre>
 *   GET  /v1/models/NAME[/versions/N | /labels/L]            GetModelStatusResponse: each version's state
 *   GET  /v1/models/NAME[/versions/N | /labels/L]/metadata   GetModelMetadataResponse: the signature_def
 *   POST /v1/models/NAME[/versions/N | /labels/L]:predict    {"predictions": [[p], ...]} for "instances",
 *                                                            {"outputs": [[p], ...]} for "inputs"
 * </pre>
 * Instances are keyed by the dataset's column names ({@link InstanceReader}); the output is the signature's
 * one output, {@code probability} of shape [N, 1], so each prediction is a list of one number. Without a
 * version or label, {@code production} answers, else the highest served version. Errors are
 * {@code {"error": "..."}} with 400 (a bad request), 404 (no such model, version or label, or a version that
 * cannot be loaded), 405 or 500. {@code models.config} is looked at again at most every
 * {@link ServerOptions#configRecheck}, and a new one is refused, as TF Serving refuses it, when a label in it
 * moved onto a version that is not loaded yet. Thread-safe.
 */
final class ServingApi implements AutoCloseable {

    /** A status and the JSON body that goes with it. */
    record Reply(int status, JsonNode body) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Registry registry;
    private final ServerOptions options;
    private final LoadedModels models;
    private final Object configLock = new Object();
    private final java.util.function.Consumer<String> log;
    private final java.util.concurrent.ScheduledExecutorService loader;
    private volatile Registry.ConfigSnapshot snapshot;
    private volatile long checkedAt;
    private volatile String refusal;
    private volatile String pollProblem;

    /** @param log where a refused config is told (the console of {@code workbench serve}) */
    ServingApi(Registry registry, ServerOptions options, RequestImages images, java.util.function.Consumer<String> log)
            throws IOException {
        this.registry = registry;
        this.options = options;
        this.models = new LoadedModels(registry, images);
        this.log = log;
        this.loader = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "serve-load");
            thread.setDaemon(true);
            return thread;
        });
        this.snapshot = registry.readConfig();
        this.checkedAt = System.nanoTime();
        // At start every label is taken as it is (TF Serving needs --allow_version_labels_for_unavailable_models for
        // that); the served versions load in the background. Then the config is polled, as TF Serving polls it,
        // whether requests come or not, so that a newly served version loads before its label arrives.
        loadInBackground(snapshot.config());
        long every = Math.max(1, options.configRecheck().toMillis());
        loader.scheduleWithFixedDelay(this::poll, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    Reply handle(String method, String rawPath, byte[] body) {
        try {
            RequestTarget target = RequestTarget.parse(rawPath);
            boolean post = target.verb() == RequestTarget.Verb.PREDICT;
            if (!method.equals(post ? "POST" : "GET")) {
                throw new BadRequestException(405, "Use " + (post ? "POST" : "GET") + " for " + rawPath);
            }
            return new Reply(200, switch (target.verb()) {
                case STATUS -> status(target);
                case METADATA -> metadata(target);
                case PREDICT -> predict(target, body);
            });
        } catch (BadRequestException e) {
            return error(e.status(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            return error(500, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    static Reply error(int status, String message) {
        ObjectNode body = JSON.objectNode();
        body.put("error", message);
        return new Reply(status, body);
    }

    private JsonNode predict(RequestTarget target, byte[] body) throws IOException, BadRequestException {
        ModelConfig model = model(target);
        long version = resolve(model, target);
        PredictRequest request = PredictRequest.parse(body, List.of(ModelExporter.SIGNATURE_KEY), options.maxInstances());
        LoadedModels.Loaded loaded = load(model, version, target);
        Batch batch = loaded.reader().read(request.instances());
        float[] probabilities = loaded.model().predict(batch);
        ObjectNode response = JSON.objectNode();
        ArrayNode predictions = response.putArray(request.columnar() ? "outputs" : "predictions");
        for (float p : probabilities) {
            predictions.addArray().add(p);
        }
        return response;
    }

    private JsonNode status(RequestTarget target) throws IOException, BadRequestException {
        ModelConfig model = model(target);
        List<Long> versions = target.version() == null && target.label() == null
                ? model.versions().stream().sorted(Comparator.reverseOrder()).toList()
                : List.of(resolve(model, target));
        ArrayNode statuses = JSON.arrayNode();
        for (long version : versions) {
            ObjectNode status = statuses.addObject();
            status.put("version", Long.toString(version));
            String problem = problem(model.name(), version);
            status.put("state", problem == null ? "AVAILABLE" : "END");
            ObjectNode code = status.putObject("status");
            code.put("error_code", problem == null ? "OK" : "UNKNOWN");
            code.put("error_message", problem == null ? "" : problem);
        }
        ObjectNode response = JSON.objectNode();
        response.set("model_version_status", statuses);
        return response;
    }

    /** Why the version cannot serve, or null when it is loaded (loading it when it was not yet). */
    private String problem(String model, long version) {
        try {
            models.get(model, version);
            return null;
        } catch (IOException | RuntimeException e) {
            return "Version " + version + " of " + model + " cannot be loaded: " + e.getMessage();
        }
    }

    private JsonNode metadata(RequestTarget target) throws IOException, BadRequestException {
        ModelConfig model = model(target);
        long version = resolve(model, target);
        LoadedModels.Loaded loaded = load(model, version, target);
        return ServingMetadata.of(model.name(), version, loaded.model().signature());
    }

    private LoadedModels.Loaded load(ModelConfig model, long version, RequestTarget target) throws BadRequestException {
        try {
            return models.get(model.name(), version);
        } catch (IOException | RuntimeException e) {
            throw BadRequestException.notFound("Servable not found for request: " + target.servable() + ": version "
                    + version + " cannot be loaded: " + e.getMessage());
        }
    }

    private ModelConfig model(RequestTarget target) throws IOException, BadRequestException {
        Optional<ModelConfig> model = config().model(target.model());
        if (model.isEmpty()) {
            throw BadRequestException.notFound("Servable not found for request: Latest(" + target.model() + ")");
        }
        return model.get();
    }

    private static long resolve(ModelConfig model, RequestTarget target) throws BadRequestException {
        if (target.version() != null) {
            if (!model.versions().contains(target.version())) {
                throw BadRequestException.notFound("Servable not found for request: " + target.servable());
            }
            return target.version();
        }
        Map<String, Long> labels = model.labels();
        if (target.label() != null) {
            Long version = labels.get(target.label());
            if (version == null) {
                throw BadRequestException.notFound("Unrecognized servable version label: " + target.label());
            }
            return version;
        }
        Long production = labels.get(Registry.PRODUCTION);
        if (production != null) {
            return production;
        }
        if (model.versions().isEmpty()) {
            throw BadRequestException.notFound("Servable not found for request: " + target.servable()
                    + ": the model serves no version");
        }
        return model.versions().last();
    }

    /**
     * The config, looked at again when {@link ServerOptions#configRecheck} has passed since the last look. A new
     * config is taken as TF Serving takes one: refused whole, the old one kept, when a label in it moved to a
     * version that is not loaded (and read again at each look, as TF Serving polls the file); else its served
     * versions start loading in the background.
     */
    private ModelServerConfig config() throws IOException {
        long recheck = options.configRecheck().toNanos();
        if (System.nanoTime() - checkedAt >= recheck) {
            synchronized (configLock) {
                if (System.nanoTime() - checkedAt >= recheck) {
                    try {
                        long generation = registry.store().stat(registry.configUri()).map(BlobInfo::generation).orElse(0L);
                        if (generation != snapshot.generation()) {
                            consider(registry.readConfig());
                        }
                    } finally {
                        checkedAt = System.nanoTime();
                    }
                }
            }
        }
        return snapshot.config();
    }

    private void consider(Registry.ConfigSnapshot next) {
        Optional<String> refused = labelOnUnloadedVersion(snapshot.config(), next.config());
        if (refused.isPresent()) {
            if (!refused.get().equals(refusal)) {
                refusal = refused.get();
                log.accept("Refused " + registry.configUri() + " (generation " + next.generation() + "): " + refusal
                        + "; still serving the config before it");
            }
            return;
        }
        refusal = null;
        snapshot = next;
        loadInBackground(next.config());
    }

    /** TF Serving's FAILED_PRECONDITION for a label moved onto a version that is not loaded, if the config has one. */
    private Optional<String> labelOnUnloadedVersion(ModelServerConfig current, ModelServerConfig next) {
        for (ModelConfig model : next.models()) {
            Map<String, Long> before = current.model(model.name()).<Map<String, Long>>map(ModelConfig::labels).orElse(Map.of());
            for (Map.Entry<String, Long> label : model.labels().entrySet()) {
                long version = label.getValue();
                if (!Long.valueOf(version).equals(before.get(label.getKey())) && !models.isLoaded(model.name(), version)) {
                    return Optional.of("FAILED_PRECONDITION: Request to assign label to version " + version + " of model "
                            + model.name() + ", which is not currently available for inference");
                }
            }
        }
        return Optional.empty();
    }

    /** Loads every served version not loaded yet, one at a time, off the request threads; failures wait for a request. */
    private void loadInBackground(ModelServerConfig config) {
        for (ModelConfig model : config.models()) {
            for (long version : model.versions()) {
                if (!models.isLoaded(model.name(), version)) {
                    loader.execute(() -> problem(model.name(), version));
                }
            }
        }
    }

    private void poll() {
        try {
            config();
            pollProblem = null;
        } catch (IOException | RuntimeException e) {
            String problem = "Cannot read " + registry.configUri() + ": " + e.getMessage() + "; still serving the config before";
            if (!problem.equals(pollProblem)) {
                pollProblem = problem;
                log.accept(problem);
            }
        }
    }

    /** Why the last new config was refused, or null when the newest one is served. */
    String refusal() {
        return refusal;
    }

    @Override
    public void close() {
        loader.shutdownNow();
        try {
            loader.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        models.close();
    }
}
