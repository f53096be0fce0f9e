package me.adsby.workbench.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.adsby.workbench.engine.demo.DemoDatasetGenerator;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code workbench train} and {@code workbench runs}, with real worker processes. */
class TrainAndRunsCommandsTest {

    @TempDir
    static Path shared;

    private static Path demo;

    @TempDir
    Path temp;

    private HeadlessRun cli;


    @BeforeAll
    static void writeDemo() throws IOException {
        demo = new DemoDatasetGenerator(300, 5).write(shared.resolve("demo"), ProgressListener.NONE,
                Cancellation.NEVER).csv();
    }



    @Test
    void trainWaitsAndPrintsTheFinalMetricsThenRunsListsShowsAndDeletesIt() throws Exception {
        int status = run("train", "--data", demo.toString(), "--label", "clicked", "--epochs", "2",
                "--exclude", "ad_id", "--experiment", "cli", "--json");

        assertThat(status).as(cli.err()).isZero();
        JsonNode trained = json();
        String runId = trained.get("run_id").asText();
        assertThat(trained.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(trained.get("final_metrics").get("val_auc").asDouble()).isBetween(0.0, 1.0);
        // Two epochs: the best is one of them, and its AUC is at least the last one's.
        assertThat(trained.get("best_epoch").asLong()).isBetween(1L, 2L);
        assertThat(trained.get("best_val_auc").asDouble())
                .isGreaterThanOrEqualTo(trained.get("final_metrics").get("val_auc").asDouble());

        assertThat(run("runs", "list", "--json")).isZero();
        assertThat(json().get("total").asLong()).isEqualTo(1);
        assertThat(json().get("runs").get(0).get("experiment").asText()).isEqualTo("cli");

        assertThat(run("runs", "show", runId, "--json")).isZero();
        assertThat(json().get("params").get("epochs").asText()).isEqualTo("2");
        Path runDir = Path.of(json().get("run").get("runDirectory").asText());
        assertThat(runDir.resolve("model/saved_model.pb")).isRegularFile();

        assertThat(run("runs", "delete", runId)).isZero();
        assertThat(runDir).doesNotExist();
        assertThat(run("runs", "list", "--json")).isZero();
        assertThat(json().get("total").asLong()).isZero();
    }

    @Test
    void aRunOnABadDatasetFailsWithTheFileAndLine() throws Exception {
        Path csv = Files.writeString(temp.resolve("bad.csv"), "ad_id,bid,clicked\na1,1.5,1\na2,2.5\na3,3.5,0\n");

        int status = run("train", "--data", csv.toString(), "--label", "clicked", "--epochs", "1", "--json");

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(json().get("status").asText()).isEqualTo("FAILED");
        assertThat(json().get("error").asText()).contains(csv + ":3:");
    }

    @Test
    void badTrainingArgumentsAreUsageErrorsThatSayWhy() {
        assertThat(run("train", "--data", demo.toString(), "--label", "clicked", "--recipe", "forest"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("--recipe must be tabular, image or multimodal, not 'forest'");

        assertThat(run("train", "--data", demo.toString(), "--label", "clicked", "--epochs", "0"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("epochs must be between 1 and 10000, was 0");

        assertThat(run("runs", "show", "r-nope")).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.err()).contains("r-nope");
    }

    private int run(String... args) {
        if (cli == null) {
            cli = new HeadlessRun(temp.resolve("home"));
        }
        return cli.run(args);
    }

    private JsonNode json() throws java.io.IOException {
        return cli.json();
    }
}
