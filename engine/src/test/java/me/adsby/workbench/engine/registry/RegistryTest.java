package me.adsby.workbench.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.model.ExportedModels;
import me.adsby.workbench.engine.model.ServingModel;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.GcsBlobStore;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import me.adsby.workbench.storage.history.RegistryAction;
import me.adsby.workbench.storage.history.RegistryAuditEntry;
import me.adsby.workbench.storage.history.RunHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path shared;

    static Path model;
    static GcsTestServer server;
    static GcsBlobStore gcs;

    @TempDir
    Path temp;

    @BeforeAll
    static void trainAndStart() throws IOException {
        model = ExportedModels.multimodal(shared);
        server = GcsTestServer.start();
        server.createBucket("models");
        gcs = new GcsBlobStore(server.options());
    }

    @AfterAll
    static void stop() throws IOException {
        gcs.close();
        server.close();
    }

    private Registry local() {
        return new Registry(new LocalBlobStore(), BlobUri.local(temp.resolve("registry")), null, "ann", CLOCK);
    }

    private static ModelCard card(String run) {
        return ModelCard.of(run, "/data/ads.csv", JsonNodeFactory.instance.objectNode().put("auc", 0.71),
                null, Map.of("epochs", "1"), null);
    }

    @Test
    void anAddedVersionIsWholeServedUnlabelledAndScoresLikeTheRunsModel() throws Exception {
        Registry registry = local();

        long version = registry.addVersion("ctr", model, card("run-1"));

        assertThat(version).isEqualTo(1);
        Path folder = temp.resolve("registry/ctr/1");
        assertThat(relativeFiles(folder)).containsExactlyInAnyOrderElementsOf(expectedFiles());
        ModelConfig entry = registry.readConfig().config().model("ctr").orElseThrow();
        assertThat(entry.versions()).containsExactly(1L);
        assertThat(entry.labels()).isEmpty();
        // base_path: the model's absolute folder.
        assertThat(entry.basePath()).isEqualTo(temp.resolve("registry/ctr").toString());
        ModelCard stored = registry.card("ctr", 1).orElseThrow();
        assertThat(stored.model()).isEqualTo("ctr");
        assertThat(stored.publishedBy()).isEqualTo("ann");
        assertThat(stored.publishedAt()).isEqualTo(CLOCK.instant());
        assertThat(stored.metrics().get("auc").asDouble()).isEqualTo(0.71);

        Batch examples = ExportedModels.examples(50, 99);
        try (ServingModel original = ServingModel.load(model); ServingModel published = ServingModel.load(folder)) {
            // The same bytes, so the same scores to the last bit.
            assertThat(published.predict(examples)).isEqualTo(original.predict(examples));
        }
    }

    @Test
    void labelsMoveRollbackRestoresThePreviousProductionAndArchiveLeavesLabelledVersionsAlone() throws Exception {
        Path historyFolder = temp.resolve("history");
        try (RunHistory history = RunHistory.open(historyFolder)) {
            Registry registry = new Registry(new LocalBlobStore(), BlobUri.local(temp.resolve("registry")),
                    history.registry(), "ann", CLOCK);
            for (int i = 1; i <= 3; i++) {
                assertThat(registry.addVersion("ctr", model, card("run-" + i))).isEqualTo(i);
            }
            registry.label("ctr", 1, Registry.PRODUCTION);
            registry.label("ctr", 2, Registry.PRODUCTION);
            registry.label("ctr", 3, Registry.PRODUCTION, RegistryAction.OVERRIDE, "the gate's AUC gap is noise");

            assertThat(registry.rollback("ctr")).isEqualTo(2);
            assertThat(labels(registry)).isEqualTo(Map.of("production", 2L));
            assertThat(registry.rollback("ctr")).isEqualTo(1);
            assertThatThrownBy(() -> registry.rollback("ctr")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no earlier version");

            registry.label("ctr", 3, Registry.STAGING);
            assertThatThrownBy(() -> registry.archive("ctr", 3)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("labelled staging");
            assertThat(registry.archive("ctr", 2)).isTrue();
            assertThat(registry.archive("ctr", 2)).isFalse();
            RegistryModel shown = registry.show("ctr");
            assertThat(shown.served()).containsExactly(1L, 3L);
            assertThat(shown.versions()).extracting(RegistryVersion::served).containsExactly(true, false, true);
            assertThat(Files.exists(temp.resolve("registry/ctr/2/saved_model.pb"))).as("archive keeps the files").isTrue();
            // Labelling an archived version serves it again.
            registry.label("ctr", 2, Registry.STAGING);
            assertThat(registry.readConfig().config().model("ctr").orElseThrow().versions()).containsExactly(1L, 2L, 3L);

            // A second machine sees the same history in the registry's own files.
            Registry elsewhere = new Registry(new LocalBlobStore(), BlobUri.local(temp.resolve("registry")), null, "bob", CLOCK);
            assertThat(elsewhere.show("ctr").productionHistory()).containsExactly(1L);
            assertThat(elsewhere.labelLog("ctr").events()).extracting(LabelEvent::action)
                    .containsExactly("label", "label", "override", "rollback", "rollback", "label", "label");

            List<RegistryAuditEntry> audit = history.registry().audit(registry.root().toString(), "ctr");
            assertThat(audit).extracting(RegistryAuditEntry::action).containsExactly(RegistryAction.PUBLISH,
                    RegistryAction.PUBLISH, RegistryAction.PUBLISH, RegistryAction.LABEL, RegistryAction.LABEL,
                    RegistryAction.OVERRIDE, RegistryAction.ROLLBACK, RegistryAction.ROLLBACK, RegistryAction.LABEL,
                    RegistryAction.ARCHIVE, RegistryAction.LABEL);
            assertThat(audit.get(5).details()).isEqualTo("production: 2 -> 3; the gate's AUC gap is noise");
            assertThat(history.registry().labels(registry.root().toString(), "ctr"))
                    .isEqualTo(Map.of("production", 1L, "staging", 2L));
        }
    }

    @Test
    void badModelNamesLabelsAndVersionsAreRefusedClearly() throws Exception {
        Registry registry = local();
        for (String name : List.of("", "../ctr", "a/b", "ctr.v2", "c tr", "x".repeat(65))) {
            assertThatThrownBy(() -> registry.addVersion(name, model, card(null))).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a model name");
        }
        assertThat(registry.addVersion("x".repeat(64), model, card(null))).isEqualTo(1);
        assertThatThrownBy(() -> registry.label("ctr", 1, "canary")).hasMessageContaining("'canary' is not a label");
        assertThatThrownBy(() -> registry.label("x".repeat(64), 7, Registry.PRODUCTION)).hasMessageContaining("has no version 7");
        assertThatThrownBy(() -> registry.show("nothing")).hasMessageContaining("has no model 'nothing'");
        assertThatThrownBy(() -> registry.addVersion("ctr", temp, card(null))).hasMessageContaining("saved_model.pb is missing");
    }

    @Test
    void aPublishThatDiesMidUploadLeavesNoNumberedFolderAndItsLeftoversAreCleaned() throws Exception {
        BlobUri root = BlobUri.gcs("models", "died/registry");
        // The claim and two staged files reach the store, then the connection is gone for good (no cleanup either).
        Registry dying = new Registry(new FailingStore(gcs, 3), root, null, "ann", CLOCK);
        assertThatThrownBy(() -> dying.addVersion("ctr", model, card("run-1"))).isInstanceOf(IOException.class)
                .hasMessageContaining("connection lost");

        Registry registry = new Registry(gcs, root, null, "ann", Clock.systemUTC());
        // TF Serving loads folders named by integers: there is none, whole or not.
        assertThat(gcs.list(root.resolve("ctr").asFolder(), "/", 100, null).folders())
                .extracting(BlobUri::name).noneMatch(name -> name.matches("[0-9]+"));
        assertThat(registry.versions("ctr")).isEmpty();
        assertThat(registry.readConfig().config().model("ctr")).isEmpty();
        assertThat(registry.show("ctr").incomplete()).containsExactly(1L);

        assertThat(registry.addVersion("ctr", model, card("run-1"))).isEqualTo(2);
        assertThat(registry.versions("ctr")).containsExactly(2L);
        assertThat(registry.readConfig().config().model("ctr").orElseThrow().basePath()).isEqualTo("gs://models/died/registry/ctr");
        assertThat(registry.show("ctr").incomplete()).containsExactly(1L);

        // A leftover younger than the limit may be a publish under way: it stays.
        assertThat(registry.clean("ctr", java.time.Duration.ofHours(1))).isEmpty();
        assertThat(registry.clean("ctr", java.time.Duration.ZERO)).singleElement().asString().startsWith("staging-1-");
        assertThat(registry.show("ctr").incomplete()).isEmpty();
        assertThat(registry.versions("ctr")).containsExactly(2L);
    }

    @Test
    void aWholePublishLeavesItsClaimAndNoStagingFolder() throws Exception {
        Registry registry = local();
        long version = registry.addVersion("staged", model, card("run-9"));

        Path folder = temp.resolve("registry/staged");
        assertThat(folder.resolve(version + "/saved_model.pb")).isRegularFile();
        assertThat(folder.resolve(version + "/assets.extra/model_card.json")).isRegularFile();
        assertThat(folder.resolve("claims/" + version)).isRegularFile();
        try (java.util.stream.Stream<Path> children = java.nio.file.Files.list(folder)) {
            assertThat(children.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("staging-"));
        }
    }

    @Test
    void concurrentLabelChangesOnGcsAllSurvive() throws Exception {
        BlobUri root = BlobUri.gcs("models", "concurrent/registry");
        Registry registry = new Registry(gcs, root, null, "ann", CLOCK);
        List<String> names = List.of("a", "b", "c", "d");
        for (String name : names) {
            registry.addVersion(name, model, card(null));
            registry.addVersion(name, model, card(null));
        }
        CyclicBarrier start = new CyclicBarrier(names.size());
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (String name : names) {
                Callable<Void> move = () -> {
                    Registry mine = new Registry(gcs, root, null, name, CLOCK);
                    start.await();
                    mine.label(name, 2, Registry.PRODUCTION);
                    mine.label(name, 1, Registry.STAGING);
                    return null;
                };
                done.add(pool.submit(move));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // Eight read-modify-writes of one models.config, four at a time: each survives only if conflicts were retried.
        ModelServerConfig config = registry.readConfig().config();
        for (String name : names) {
            assertThat(config.model(name).orElseThrow().labels()).as(name).isEqualTo(Map.of("production", 2L, "staging", 1L));
        }
        try (InputStream in = gcs.open(registry.configUri())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(config.toText());
        }
    }

    @Test
    void twoConcurrentPublishesOfOneModelGetDistinctVersionsAndBothLabelsSurvive() throws Exception {
        BlobUri root = BlobUri.gcs("models", "racing/registry");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Long> versions;
        try {
            List<Future<Long>> done = new ArrayList<>();
            for (String label : List.of(Registry.PRODUCTION, Registry.STAGING)) {
                Callable<Long> publish = () -> {
                    Registry mine = new Registry(gcs, root, null, label, CLOCK);
                    start.await();
                    long version = mine.addVersion("ctr", model, card("run-" + label));
                    mine.label("ctr", version, label);
                    return version;
                };
                done.add(pool.submit(publish));
            }
            versions = new ArrayList<>();
            for (Future<Long> future : done) {
                versions.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // Both claimed a number with an if-absent write of the card: one got 1, the other 2.
        assertThat(versions).containsExactlyInAnyOrder(1L, 2L);
        Registry registry = new Registry(gcs, root, null, "ann", CLOCK);
        assertThat(registry.versions("ctr")).containsExactly(1L, 2L);
        assertThat(labels(registry)).isEqualTo(Map.of(Registry.PRODUCTION, versions.get(0), Registry.STAGING, versions.get(1)));
    }

    private static Map<String, Long> labels(Registry registry) throws IOException {
        return registry.readConfig().config().model("ctr").orElseThrow().labels();
    }

    private static List<String> expectedFiles() throws IOException {
        List<String> files = new ArrayList<>(relativeFiles(model));
        files.add("assets.extra/model_card.json");
        return files;
    }

    private static List<String> relativeFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString().replace('\\', '/')).toList();
        }
    }
}
