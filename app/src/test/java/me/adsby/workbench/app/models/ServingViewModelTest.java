package me.adsby.workbench.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.SameThreadTaskExecutor;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.dataset.check.PreviewRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local serving and "Try it" against a real {@link me.adsby.workbench.engine.serve.PredictionServer}. */
class ServingViewModelTest {

    @TempDir
    static Path shared;
    static Path savedModel;
    static Path csv;

    @TempDir
    Path temp;

    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final Notifications notifications = new Notifications(Path.of("workbench.log"));
    private final BlobStores stores = new BlobStores(new GcsOptions(null, null));
    private Registry registry;
    private ModelsViewModel models;
    private ServingViewModel serving;

    @BeforeAll
    static void train() throws Exception {
        savedModel = RegistryFixture.trainModel(shared);
        csv = RegistryFixture.dataset(shared.resolve("data"), 8);
    }

    @BeforeEach
    void setUp() {
        registry = RegistryFixture.registry(temp.resolve("registry"), null, "ann");
        models = new ModelsViewModel(tasks, registry, null, notifications);
    }

    private ServingViewModel serving(int preferredPort) {
        serving = new ServingViewModel(tasks, models, stores::forUri, notifications, preferredPort);
        return serving;
    }

    @AfterEach
    void tearDown() throws IOException {
        if (serving != null) {
            serving.close();
        }
        stores.close();
        assertThat(tasks.unhandled()).isEmpty();
    }

    @Test
    void aRowOfTheDatasetIsPredictedByTheServedProductionVersionAsAProbability() throws Exception {
        registry.addVersion("ctr", savedModel, RegistryFixture.card("run-1", 0.7, 0.6));
        registry.addVersion("ctr", savedModel, RegistryFixture.card("run-2", 0.7, 0.6));
        registry.label("ctr", 1, Registry.PRODUCTION);
        models.reload();
        ServingViewModel model = serving(0);
        assertThat(model.targets()).containsExactly("production", "version 2", "version 1");
        assertThat(model.targetProperty().get()).isEqualTo("production");

        model.start();
        assertThat(model.serverProperty().get()).isNotNull();
        int port = model.serverProperty().get().port();
        assertThat(model.addressBinding().get()).isEqualTo("Serving at http://127.0.0.1:" + port + "/v1/models/ctr");

        model.datasetUriProperty().set(csv.toString());
        model.loadDataset();
        assertThat(model.rowsProperty().get().rows()).hasSize(8);
        model.selectedRowProperty().set(model.rowsProperty().get().rows().get(2));
        model.predict();

        double production = model.probabilityProperty().get();
        assertThat(production).isStrictlyBetween(0.0, 1.0);
        assertThat(model.resultProperty().get()).startsWith("Click probability ").contains("production", "line 4");

        // The same row through the version production points at scores the same; the served version 2 (the
        // same SavedModel) too.
        model.targetProperty().set("version 1");
        model.predict();
        assertThat(model.probabilityProperty().get()).isEqualTo(production);
        model.targetProperty().set("version 2");
        model.predict();
        assertThat(model.probabilityProperty().get()).isEqualTo(production);

        // Another row differs: the answer is the row's, not a constant.
        model.selectedRowProperty().set(model.rowsProperty().get().rows().get(5));
        model.targetProperty().set("production");
        model.predict();
        assertThat(model.probabilityProperty().get()).isStrictlyBetween(0.0, 1.0).isNotEqualTo(production);

        model.stop();
        assertThat(model.serverProperty().get()).isNull();
        assertThat(model.addressBinding().get()).isEmpty();
    }

    @Test
    void theServersRefusalIsShownAsItsMessage() throws Exception {
        registry.addVersion("ctr", savedModel, RegistryFixture.card("run-1", 0.7, 0.6));
        models.reload();
        ServingViewModel model = serving(0);
        model.start();
        model.datasetUriProperty().set(csv.toString());
        model.loadDataset();

        // No label yet: staging is not a target the registry has, and the server says so.
        model.targetProperty().set("staging");
        model.predict();

        assertThat(model.probabilityProperty().get()).isEqualTo(-1.0);
        assertThat(model.resultProperty().get()).startsWith("The server refused (HTTP 404)").contains("staging");
    }

    @Test
    void theUsualPortIsUsedWhenFreeElseAnyFreePort() throws Exception {
        registry.addVersion("ctr", savedModel, RegistryFixture.card("run-1", 0.7, 0.6));
        models.reload();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServingViewModel model = serving(taken.getLocalPort());
            model.start();
            assertThat(model.serverProperty().get().port()).isPositive().isNotEqualTo(taken.getLocalPort());
            model.close();
        }
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        ServingViewModel model = serving(free);
        model.start();
        assertThat(model.serverProperty().get().port()).isEqualTo(free);
    }

    @Test
    void anImageCellIsSentAsTheBytesOfTheImageBesideTheCsv() throws Exception {
        models.reload();
        ServingViewModel model = serving(0);
        model.datasetUriProperty().set(csv.toString());
        model.loadDataset();
        PreviewRow first = model.rowsProperty().get().rows().get(0);

        ObjectNode instance = ServingViewModel.instance(model.rowsProperty().get(), first, stores::forUri);

        // The server reads no file a request names: the image travels as its own bytes, base64-encoded.
        assertThat(java.util.Base64.getDecoder().decode(instance.get("banner").get("b64").asText()))
                .isEqualTo(java.nio.file.Files.readAllBytes(csv.getParent().resolve("images/ad1.png")));
        assertThat(instance.get("c0").asText()).isEqualTo(first.text().get(2));
        assertThat(instance.get("x0").asText()).isEqualTo(first.text().get(0));
    }
}
