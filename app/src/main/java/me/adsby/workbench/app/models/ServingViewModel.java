package me.adsby.workbench.app.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.engine.registry.RegistryModel;
import me.adsby.workbench.engine.registry.RegistryVersion;
import me.adsby.workbench.engine.serve.PredictionServer;
import me.adsby.workbench.engine.serve.ServerOptions;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.check.Preview;
import me.adsby.workbench.storage.dataset.check.PreviewRow;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.image.ImageReference;
import me.adsby.workbench.storage.image.ImageReferences;
import me.adsby.workbench.storage.image.ImageStatus;

/**
 * Local serving and "Try it": starts a {@link PredictionServer} on 127.0.0.1 for the registry (port
 * {@value ServerOptions#DEFAULT_PORT} when free, else any free one), previews a dataset's first rows and sends
 * the chosen row to the server as one instance keyed by column name, for the model selected on the Models
 * screen and a label or version. All of it off the FX thread; {@link #close} stops the server.
 */
public final class ServingViewModel implements AutoCloseable {

    /** Rows of the dataset offered to try. */
    public static final int PREVIEW_ROWS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "version ";

    /** Opens the blob store of a URI (the app's stores). */
    @FunctionalInterface
    public interface StoreOpener {
        BlobStore open(BlobUri uri) throws IOException;
    }

    /** A dataset's first rows, as read for the try-it table. */
    public record Rows(BlobUri uri, Schema schema, List<PreviewRow> rows) {
    }

    private final TaskExecutor tasks;
    private final Registry registry;
    private final StoreOpener stores;
    private final Notifications notifications;
    private final int preferredPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ReadOnlyObjectWrapper<PredictionServer> server = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();
    private final StringProperty model = new SimpleStringProperty();
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ObjectProperty<String> target = new SimpleObjectProperty<>();
    private final StringProperty datasetUri = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Rows> rows = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<PreviewRow> selectedRow = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper probability = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyBooleanWrapper predicting = new ReadOnlyBooleanWrapper();
    private boolean closed;

    /**
     * @param models        the Models screen's state: its selected model is the one tried
     * @param preferredPort the port tried first (0: any free one)
     */
    public ServingViewModel(TaskExecutor tasks, ModelsViewModel models, StoreOpener stores,
            Notifications notifications, int preferredPort) {
        this.tasks = tasks;
        this.registry = models.registry();
        this.stores = stores;
        this.notifications = notifications;
        this.preferredPort = preferredPort;
        models.shownModelProperty().addListener((property, old, now) -> modelChanged(now));
        modelChanged(models.shownModelProperty().get());
    }

    /** The targets offered for a model: its labels, then its served versions, newest first. */
    private void modelChanged(RegistryModel shown) {
        String chosen = target.get();
        boolean sameModel = shown != null && shown.name().equals(model.get());
        model.set(shown == null ? null : shown.name());
        List<String> offered = new ArrayList<>();
        if (shown != null) {
            offered.addAll(shown.labels().keySet().stream().sorted((a, b) -> a.equals(Registry.PRODUCTION) ? -1
                    : b.equals(Registry.PRODUCTION) ? 1 : a.compareTo(b)).toList());
            List<RegistryVersion> served = shown.versions().stream().filter(RegistryVersion::served).toList();
            for (int i = served.size() - 1; i >= 0; i--) {
                offered.add(VERSION + served.get(i).version());
            }
        }
        targets.setAll(offered);
        if (sameModel && offered.contains(chosen)) {
            target.set(chosen);
        } else {
            target.set(offered.isEmpty() ? null : offered.get(0));
        }
    }

    // Serving

    /** Starts the server in the background; does nothing while one runs or starts. */
    public void start() {
        if (server.get() != null || starting.get() || closed) {
            return;
        }
        starting.set(true);
        tasks.submit(BackgroundTask.of("Starting local serving", (progress, cancel) -> startServer())
                .onSuccess(started -> {
                    starting.set(false);
                    if (closed) {
                        stopQuietly(started);
                        return;
                    }
                    server.set(started);
                    notifications.info("Serving locally", "The registry is served at http://" + started.host() + ":"
                            + started.port() + "/v1/models/ until you press Stop or close Workbench.");
                })
                .onFailure(failure -> {
                    starting.set(false);
                    notifications.error("Cannot serve locally", failure);
                }));
    }

    private PredictionServer startServer() throws IOException {
        ServerOptions options = ServerOptions.defaults();
        if (preferredPort != 0) {
            try {
                return PredictionServer.start(registry, options.withPort(preferredPort));
            } catch (IOException busyPort) {
                // Another server has the usual port: any free one will do.
                return PredictionServer.start(registry, options.withPort(0));
            }
        }
        return PredictionServer.start(registry, options.withPort(0));
    }

    /** Stops the server in the background. */
    public void stop() {
        PredictionServer running = server.get();
        if (running == null) {
            return;
        }
        server.set(null);
        tasks.submit(BackgroundTask.of("Stopping local serving", (progress, cancel) -> {
            running.close();
            return null;
        }).quiet());
    }

    /** Stops the server now, when the app closes. */
    @Override
    public void close() {
        closed = true;
        PredictionServer running = server.get();
        server.set(null);
        stopQuietly(running);
    }

    private static void stopQuietly(PredictionServer running) {
        if (running != null) {
            running.close();
        }
    }

    // Try it

    /** Reads the first rows of the dataset at {@link #datasetUriProperty()}. */
    public void loadDataset() {
        String text = datasetUri.get() == null ? "" : datasetUri.get().strip();
        if (text.isEmpty()) {
            return;
        }
        tasks.submit(BackgroundTask.of("Reading " + text, (progress, cancel) -> {
            BlobUri uri = BlobUri.parse(text);
            BlobStore store = stores.open(uri);
            Schema schema = Datasets.inferSchema(store, uri);
            Preview preview = Datasets.preview(store, uri, schema, PREVIEW_ROWS);
            return new Rows(uri, schema, preview.rows().stream().filter(row -> !row.bad()).toList());
        }).onSuccess(read -> {
            rows.set(read);
            selectedRow.set(read.rows().isEmpty() ? null : read.rows().get(0));
            result.set(read.rows().isEmpty() ? "The dataset has no good rows to try." : "");
        }).onFailure(failure -> notifications.error("Cannot read " + text, failure)));
    }

    /**
     * The instance the selected row makes: each column's text; an image cell's file, read through the stores,
     * as {@code {"b64": ...}} (the server reads no file a request names). Reads the image: call it off the FX
     * thread.
     */
    static ObjectNode instance(Rows read, PreviewRow row, StoreOpener stores) throws IOException {
        ObjectNode instance = JSON.createObjectNode();
        ImageReferences references = new ImageReferences(read.uri().parent());
        String image = read.schema().image().map(ColumnSchema::name).orElse(null);
        for (ColumnSchema column : read.schema().columns()) {
            String text = column.index() < row.text().size() ? row.text().get(column.index()) : "";
            ImageReference reference = column.name().equals(image) && !text.isBlank() ? references.resolve(text) : null;
            if (reference != null && reference.status() == ImageStatus.OK) {
                try (java.io.InputStream in = stores.open(reference.uri()).open(reference.uri())) {
                    instance.putObject(column.name()).put("b64", java.util.Base64.getEncoder().encodeToString(
                            in.readNBytes((int) ServerOptions.DEFAULT_MAX_IMAGE_BYTES + 1)));
                }
            } else {
                instance.put(column.name(), text);
            }
        }
        return instance;
    }

    /** Sends the selected row to the server for the selected model and target. */
    public void predict() {
        PredictionServer running = server.get();
        Rows read = rows.get();
        PreviewRow row = selectedRow.get();
        String name = model.get();
        if (running == null || read == null || row == null || name == null) {
            return;
        }
        String path = "/v1/models/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + suffix(target.get()) + ":predict";
        URI uri = URI.create("http://" + running.host() + ":" + running.port() + path);
        String shownTarget = target.get() == null ? "default" : target.get();
        predicting.set(true);
        result.set("Predicting…");
        tasks.submit(BackgroundTask.of("Predicting with " + name, (progress, cancel) -> {
            ObjectNode body = JSON.createObjectNode();
            body.putArray("instances").add(instance(read, row, stores));
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return answer(response.statusCode(), response.body());
        }).onSuccess(answer -> {
            predicting.set(false);
            probability.set(answer.probability());
            result.set(answer.probability() >= 0
                    ? String.format(Locale.ROOT, "Click probability %.4f (%s, %s, line %d)", answer.probability(), name,
                            shownTarget, row.line())
                    : answer.error());
        }).onFailure(failure -> {
            predicting.set(false);
            probability.set(Double.NaN);
            result.set("No answer from the server: " + failure.getMessage());
            notifications.error("Predict failed", failure);
        }));
    }

    /** The server's answer: a probability, or its error message (probability -1). */
    record Answer(double probability, String error) {
    }

    static Answer answer(int status, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            return new Answer(-1, "The server answered " + status + " with a body that is not JSON: " + body);
        }
        JsonNode predictions = json.get("predictions");
        if (status == 200 && predictions != null && predictions.isArray() && !predictions.isEmpty()) {
            JsonNode first = predictions.get(0);
            double value = first.isArray() ? first.get(0).doubleValue() : first.doubleValue();
            return new Answer(value, "");
        }
        JsonNode error = json.get("error");
        return new Answer(-1, "The server refused (HTTP " + status + "): " + (error == null ? body : error.asText()));
    }

    private static String suffix(String target) {
        if (target == null) {
            return "";
        }
        if (target.startsWith(VERSION)) {
            return "/versions/" + target.substring(VERSION.length());
        }
        return "/labels/" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    // Properties

    public ReadOnlyObjectProperty<PredictionServer> serverProperty() {
        return server.getReadOnlyProperty();
    }

    public BooleanBinding servingBinding() {
        return server.isNotNull();
    }

    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    /** "Serving at http://127.0.0.1:PORT/v1/models/NAME", or "" when not serving. */
    public StringBinding addressBinding() {
        return Bindings.createStringBinding(() -> {
            PredictionServer running = server.get();
            if (running == null) {
                return "";
            }
            return "Serving at http://" + running.host() + ":" + running.port() + "/v1/models/"
                    + (model.get() == null ? "" : model.get());
        }, server, model);
    }

    /** The model tried: the one selected on the Models screen. */
    public StringProperty modelProperty() {
        return model;
    }

    /** Its labels and served versions ("version N"). */
    public ObservableList<String> targets() {
        return targets;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public StringProperty datasetUriProperty() {
        return datasetUri;
    }

    public ReadOnlyObjectProperty<Rows> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ObjectProperty<PreviewRow> selectedRowProperty() {
        return selectedRow;
    }

    /** The last prediction or error, in words. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The last prediction's probability; NaN before one, -1 after a refusal. */
    public ReadOnlyDoubleProperty probabilityProperty() {
        return probability.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty predictingProperty() {
        return predicting.getReadOnlyProperty();
    }
}
