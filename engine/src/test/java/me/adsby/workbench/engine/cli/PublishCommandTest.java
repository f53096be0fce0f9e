package me.adsby.workbench.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import me.adsby.workbench.engine.demo.DemoDatasetGenerator;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.GcsBlobStore;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import me.adsby.workbench.storage.history.RegistryAction;
import me.adsby.workbench.storage.history.RegistryAuditEntry;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workbench publish} behind the validation gate, on real runs: a trained model and an untrained one
 * (a learning rate of 1e-7 leaves it near its random start), judged on a holdout demo dataset. The steps build
 * on each other: the untrained model goes first by override, the trained one then passes the gate against it,
 * the untrained one is then blocked, and a rollback restores the first production version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishCommandTest {

    @TempDir
    static Path temp;

    private HeadlessRun cli;
    private Path holdout;
    private String trained;
    private String untrained;

    @BeforeAll
    void trainTwoRuns() throws IOException {
        train = new DemoDatasetGenerator(1_500, 11).write(temp.resolve("train"), ProgressListener.NONE,
                Cancellation.NEVER).csv();
        holdout = new DemoDatasetGenerator(1_500, 12).write(temp.resolve("holdout"), ProgressListener.NONE,
                Cancellation.NEVER).csv();
        cli = new HeadlessRun(temp.resolve("home"));
        // No TF Serving reads the test registry: a poll interval of 0 lets labels move without waiting for one.
        assertThat(cli.run("registry", "settings", "--config-poll-seconds", "0")).as(cli.err()).isZero();
        trained = train(train, "6", "0.003", "ad_id,campaign_id");
        // One epoch at a learning rate of 1e-7, reading only banner_size, which the demo's click model does not use
        // (engine/demo/ClickModel): a model that ranks no better than chance.
        untrained = train(train, "1", "0.0000001", "ad_id,campaign_id,advertiser_category,placement,device,hour_of_day,"
                + "day_of_week,bid_price_usd,historical_ctr,headline_length,has_discount");
    }

    private Path train;

    private String train(Path data, String epochs, String learningRate, String exclude) throws IOException {
        int status = cli.run("train", "--data", data.toString(), "--label", "clicked", "--epochs", epochs,
                "--exclude", exclude, "--learning-rate", learningRate, "--json");
        assertThat(status).as(cli.err()).isZero();
        return cli.json().get("run_id").asText();
    }

    @Test
    @Order(1)
    void aFailingGateWithoutAnOverrideWritesNothingAndSaysWhy() throws IOException {
        int status = cli.run("publish", untrained, "--model-name", "ctr", "--label", "production",
                "--eval-data", holdout.toString(), "--require", "auc>=0.99", "--resamples", "200");

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.out()).contains("Validation gate: FAILED", "FAIL  auc >= 0.9900", "is below the bound 0.9900",
                "Nothing was published");
        assertThat(Files.exists(temp.resolve("home/registry/ctr/1"))).isFalse();
    }

    @Test
    @Order(2)
    void theFirstVersionGoesInByOverrideAndTheOverrideIsAudited() throws IOException {
        int status = cli.run("publish", untrained, "--model-name", "ctr", "--label", "production",
                "--eval-data", holdout.toString(), "--require", "auc>=0.99", "--resamples", "200",
                "--override-reason", "a floor to measure against", "--json");

        assertThat(status).as(cli.err()).isZero();
        JsonNode published = cli.json();
        assertThat(published.get("version").asLong()).isEqualTo(1);
        assertThat(published.get("overridden").asBoolean()).isTrue();
        assertThat(published.get("gate").get("passed").asBoolean()).isFalse();
        assertThat(temp.resolve("home/registry/ctr/1/saved_model.pb")).isRegularFile();
        assertThat(temp.resolve("home/registry/ctr/1/assets.extra/features.json")).isRegularFile();
        try (RunHistory history = RunHistory.open(temp.resolve("home/history"))) {
            List<RegistryAuditEntry> audit = history.registry().audit(temp.resolve("home/registry").toString(), "ctr");
            assertThat(audit).anySatisfy(entry -> {
                assertThat(entry.action()).isEqualTo(RegistryAction.OVERRIDE);
                assertThat(entry.details()).contains("a floor to measure against");
            });
        }
    }

    @Test
    @Order(3)
    void aBetterModelPassesTheGateAgainstProduction() throws IOException {
        int status = cli.run("publish", trained, "--model-name", "ctr", "--label", "production", "--resamples", "300",
                "--json");

        assertThat(status).as(cli.out() + cli.err()).isZero();
        JsonNode gate = cli.json().get("gate");
        assertThat(gate.get("passed").asBoolean()).isTrue();
        // No --eval-data: the candidate is judged on the rows production was judged on, every row of the holdout.
        assertThat(gate.get("evaluated_on").asText()).isEqualTo("every row of " + holdout);
        assertThat(gate.get("production_version").asLong()).isEqualTo(1);
        assertThat(gate.get("checks").toString()).contains("auc not lower than production by more than 0.0050");
        assertThat(cli.json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void aWorseModelIsBlockedWithTheChangeThatFailed() throws IOException {
        int status = cli.run("publish", untrained, "--model-name", "ctr", "--label", "production", "--resamples", "300");

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.out()).contains("against production version 2", "FAIL  auc not lower than production",
                "the whole interval is beyond the -0.0050 allowed");
        assertThat(Files.exists(temp.resolve("home/registry/ctr/3"))).isFalse();
    }

    @Test
    @Order(5)
    void rollbackRestoresThePreviousProductionVersion() throws IOException {
        assertThat(cli.run("registry", "rollback", "ctr")).as(cli.err()).isZero();
        assertThat(cli.run("registry", "show", "ctr", "--json")).as(cli.err()).isZero();
        assertThat(cli.json().get("labels").get("production").asLong()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aRegistryOnGcsGetsTheVersionWholeThroughTheRealClient() throws Exception {
        try (GcsTestServer gcs = GcsTestServer.start(); GcsBlobStore store = new GcsBlobStore(gcs.options())) {
            gcs.createBucket("models");
            String registry = "gs://models/serving";
            assertThat(cli.run("registry", "settings", "--registry", registry, "--gcs-endpoint", gcs.url(),
                    "--config-poll-seconds", "0")).as(cli.err()).isZero();
            int status = cli.run("publish", trained, "--model-name", "ctr", "--label", "production", "--registry", registry,
                    "--gcs-endpoint", gcs.url(), "--require", "auc>=0.5", "--resamples", "200", "--json");

            assertThat(status).as(cli.out() + cli.err()).isZero();
            // The first version of a registry is judged on the run's validation rows.
            assertThat(cli.json().get("gate").get("evaluated_on").asText()).endsWith(" rows of " + train
                    + " (the validation rows of run " + trained + ", the candidate)");
            assertThat(store.stat(BlobUri.parse(registry + "/ctr/1/saved_model.pb"))).isPresent();
            assertThat(store.stat(BlobUri.parse(registry + "/ctr/1/assets.extra/model_card.json"))).isPresent();
            assertThat(cli.run("registry", "show", "ctr", "--registry", registry, "--gcs-endpoint", gcs.url(), "--json"))
                    .as(cli.err()).isZero();
            assertThat(cli.json().get("labels").get("production").asLong()).isEqualTo(1);
        }
    }

    @Test
    @Order(7)
    void aRegistryVersionIsEvaluatedAndRecordedAgainstTheRunItCameFrom() throws IOException {
        Path version = temp.resolve("home/registry/ctr/2");
        assertThat(cli.run("evaluate", version.toString(), "--data", holdout.toString(), "--resamples", "50", "--json"))
                .as(cli.err()).isZero();
        JsonNode fromRegistry = cli.json();
        assertThat(fromRegistry.get("run_id").asText()).isEqualTo(trained);
        assertThat(fromRegistry.get("count").asLong()).isEqualTo(1_500);
        // The version is a copy of the run's model: scored on the same rows, it ranks them as the run does.
        assertThat(cli.run("evaluate", trained, "--data", holdout.toString(), "--resamples", "50", "--json"))
                .as(cli.err()).isZero();
        assertThat(fromRegistry.get("auc").asDouble()).isCloseTo(cli.json().get("auc").asDouble(), within(1e-6));
    }

    @Test
    @Order(8)
    void aSecondPublishIsJudgedOnExactlyTheRowsTheFirstVersionWasJudgedOn() throws IOException {
        // The first version with the suggested default: the run's own validation rows.
        assertThat(cli.run("publish", trained, "--model-name", "ctr2", "--label", "production", "--require", "auc>=0.5",
                "--resamples", "200", "--json")).as(cli.out() + cli.err()).isZero();
        String rows = cli.json().get("gate").get("evaluated_on").asText();
        long examples = cli.json().get("gate").get("examples").asLong();
        Path rowsFile = temp.resolve("home/registry/ctr2/1/assets.extra/evaluation_rows.txt");
        assertThat(Files.readAllLines(rowsFile)).hasSize((int) examples);

        // The second publish names no dataset: it is judged against version 1 on those same rows, not refused.
        int status = cli.run("publish", untrained, "--model-name", "ctr2", "--label", "production", "--resamples", "200",
                "--json");

        assertThat(status).as(cli.out() + cli.err()).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        JsonNode gate = cli.json().get("gate");
        assertThat(gate.get("evaluated_on").asText()).isEqualTo(rows);
        assertThat(gate.get("examples").asLong()).isEqualTo(examples);
        assertThat(gate.get("production_version").asLong()).isEqualTo(1);
        assertThat(gate.get("checks").toString()).contains("auc not lower than production");
    }

    @Test
    @Order(9)
    void whenProductionsRowsChangedThePublishSaysSoAndOffersAnotherDataset() throws IOException {
        Files.writeString(train, Files.readString(train) + Files.readAllLines(train).get(1) + "\n");

        int status = cli.run("publish", trained, "--model-name", "ctr2", "--label", "production", "--resamples", "200");

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.err()).contains("production version 1 of ctr2 was judged on", "changed since",
                "name another dataset to judge both the candidate and production on: --eval-data URI");
        int judged = cli.run("publish", trained, "--model-name", "ctr2", "--label", "production", "--resamples", "200",
                "--eval-data", holdout.toString(), "--json");
        assertThat(judged).as(cli.out() + cli.err()).isIn(0, WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.json().get("gate").get("evaluated_on").asText()).isEqualTo("every row of " + holdout);
        assertThat(cli.json().get("gate").get("production_version").asLong()).isEqualTo(1);
    }
}
