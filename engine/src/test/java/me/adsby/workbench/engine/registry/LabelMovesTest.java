package me.adsby.workbench.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.adsby.workbench.engine.model.ExportedModels;
import me.adsby.workbench.engine.serve.PredictionServer;
import me.adsby.workbench.engine.serve.ServerOptions;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.history.RegistryAction;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Label moves in TF Serving's two steps, against {@code workbench serve}, which refuses a config as TF Serving
 * does when a label in it moved onto a version that is not loaded (FAILED_PRECONDITION), keeping the old one.
 */
class LabelMovesTest {

    @TempDir
    static Path temp;

    static Path model;

    @BeforeAll
    static void export() throws IOException {
        model = ExportedModels.multimodal(temp.resolve("export"));
    }

    private static Registry registry(String name) {
        return new Registry(new LocalBlobStore(), BlobUri.local(temp.resolve(name)), null, "ann", Clock.systemUTC());
    }

    private static final ModelCard CARD = ModelCard.of(null, null, null, null, Map.of(), null);

    @Test
    void oneWriteThatServesAndLabelsAVersionIsRefusedAndTwoStepsAreTaken() throws Exception {
        Registry registry = registry("served");
        registry.addVersion("ctr", model, CARD);
        registry.label("ctr", 1, Registry.PRODUCTION);
        // Version 2 is written but not served, so the server never loads it on its own.
        registry.addVersion("ctr", model, CARD);
        registry.archive("ctr", 2);
        ServerOptions options = ServerOptions.defaults().withPort(0).withConfigRecheck(Duration.ofMillis(20));
        try (PredictionServer server = PredictionServer.start(registry, options, message -> { })) {
            HttpClient http = HttpClient.newHttpClient();
            URI url = URI.create("http://127.0.0.1:" + server.port());
            assertThat(productionVersion(http, url)).isEqualTo("1");

            // The old way: one config write that serves version 2 and labels it.
            registry.label("ctr", 2, Registry.PRODUCTION);
            // The server refuses that config, as TF Serving does, and keeps labelling version 1.
            waitFor(() -> server.configRefusal() != null, "the server to read the new config");
            assertThat(server.configRefusal()).isEqualTo("FAILED_PRECONDITION: Request to assign label to version 2 of"
                    + " model ctr, which is not currently available for inference");
            assertThat(productionVersion(http, url)).isEqualTo("1");

            // Put the label back, then move it the two-step way, asking the server when version 2 is AVAILABLE.
            registry.label("ctr", 1, Registry.PRODUCTION);
            waitFor(() -> server.configRefusal() == null, "the server to take the repaired config");
            LabelMoves moves = new LabelMoves(registry, new ServingStatusWait(url, Duration.ofSeconds(60),
                    Duration.ofMillis(50), Clock.systemUTC()), Clock.systemUTC());
            LabelMoves.Moved moved = moves.move("ctr", 2, Registry.PRODUCTION, RegistryAction.LABEL, null,
                    ProgressListener.NONE, Cancellation.NEVER);

            assertThat(moved.previous()).isEqualTo(1);
            assertThat(moved.waited()).isTrue();
            waitFor(() -> "2".equals(productionVersion(http, url)), "production to answer as version 2");
            assertThat(server.configRefusal()).isNull();
            assertThat(moves.pending("ctr").moves()).isEmpty();
        }
    }

    @Test
    void withoutAServingUrlTheLabelWaitsOutThePollIntervalAfterTheVersionIsServed() throws Exception {
        Registry registry = registry("polled");
        registry.addVersion("ctr", model, CARD);
        registry.addVersion("ctr", model, CARD);
        registry.archive("ctr", 2);
        // At the moment of waiting: what the config says and what is recorded as pending.
        List<String> seen = new ArrayList<>();
        VersionAvailability watching = new VersionAvailability() {
            @Override
            public void await(String name, long version, Instant servedSince, ProgressListener progress,
                    Cancellation cancel) throws IOException {
                ModelConfig config = registry.readConfig().config().model(name).orElseThrow();
                seen.add("served " + config.versions() + ", labels " + config.labels());
                PendingMoves pending = PendingMoves.read(registry.store(), registry.modelUri(name));
                seen.add("pending " + pending.moves().get(0).label() + " -> " + pending.moves().get(0).version());
            }

            @Override
            public String describe() {
                return "a test's look at the registry";
            }
        };

        new LabelMoves(registry, watching, Clock.systemUTC()).move("ctr", 2, Registry.STAGING, RegistryAction.LABEL, null,
                ProgressListener.NONE, Cancellation.NEVER);

        // Step one served version 2 unlabelled and recorded the move; step two labelled it.
        assertThat(seen).containsExactly("served [1, 2], labels {}", "pending staging -> 2");
        assertThat(registry.readConfig().config().model("ctr").orElseThrow().labels()).containsEntry(Registry.STAGING, 2L);
        assertThat(PendingMoves.read(registry.store(), registry.modelUri("ctr")).moves()).isEmpty();
    }

    @Test
    void thePollWaitEndsOnceTheIntervalHasPassedByTheClock() throws Exception {
        // A clock that moves 400 ms each time it is read: a 1 s interval from t0 is over by the fourth reading.
        Clock clock = new Clock() {
            private Instant now = Instant.parse("2026-12-02T10:00:00Z");

            @Override
            public synchronized Instant instant() {
                now = now.plusMillis(400);
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        PollIntervalWait wait = new PollIntervalWait(Duration.ofSeconds(1), clock);
        List<String> messages = new ArrayList<>();

        wait.await("ctr", 3, Instant.parse("2026-12-02T10:00:00Z"), progress -> messages.add(progress.message()),
                Cancellation.NEVER);

        assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat(message)
                .contains("for TF Serving to load version 3 of ctr (its config poll interval, 1 s)"));
        assertThat(wait.movesAfter(Instant.parse("2026-12-02T10:00:00Z"))).isEqualTo(Instant.parse("2026-12-02T10:00:01Z"));
    }

    @Test
    void aServingUrlThatNeverReportsTheVersionAvailableStopsTheMoveWithItsAnswer() throws Exception {
        Registry registry = registry("missing");
        registry.addVersion("ctr", model, CARD);
        try (PredictionServer server = PredictionServer.start(registry, ServerOptions.defaults().withPort(0), m -> { })) {
            ServingStatusWait wait = new ServingStatusWait(URI.create("http://127.0.0.1:" + server.port()),
                    Duration.ofMillis(300), Duration.ofMillis(50), Clock.systemUTC());

            assertThatThrownBy(() -> wait.await("ctr", 9, Instant.now(), ProgressListener.NONE, Cancellation.NEVER))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("did not report version 9 of ctr AVAILABLE within 0 s")
                    .hasMessageContaining("HTTP 404: Servable not found for request: Specific(ctr, 9)");
        }
    }

    private static String productionVersion(HttpClient http, URI url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/v1/models/ctr/labels/production"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return RegistryJson.MAPPER.readTree(response.body()).path("model_version_status").path(0).path("version")
                    .asText("none: " + response.body());
        } catch (IOException e) {
            return "no answer: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Polls the condition until it holds, failing after 30 s; the condition is what the test waits on. */
    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
