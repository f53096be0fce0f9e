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
 * {@link ServerOptions#configRecheck}. Thread-safe.
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
    private volatile Registry.ConfigSnapshot snapshot;
    private volatile long checkedAt;

    ServingApi(Registry registry, ServerOptions options, RequestImages images) throws IOException {
        this.registry = registry;
        this.options = options;
        this.models = new LoadedModels(registry, images);
        this.snapshot = registry.readConfig();
        this.checkedAt = System.nanoTime();
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

    @Override
    public void close() {
        models.close();
    }
}
