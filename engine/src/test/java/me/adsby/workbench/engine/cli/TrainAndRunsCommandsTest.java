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
        // Two epochs chosen by validation log loss: the best is one of them, and its loss is at most the last one's.
        long bestEpoch = trained.get("best_epoch").asLong();
        assertThat(bestEpoch).isBetween(1L, 2L);
        assertThat(trained.get("select_by").asText()).isEqualTo("log_loss");
        JsonNode best = trained.get("best_metrics");
        assertThat(best.get("val_loss").asDouble())
                .isLessThanOrEqualTo(trained.get("final_metrics").get("val_loss").asDouble());
        if (bestEpoch == 2) {
            assertThat(best).isEqualTo(trained.get("final_metrics"));
        }
        // The demo's ad_id is unique: auto splits by row, and the resolved split and its counts are recorded.
        JsonNode split = trained.get("split");
        assertThat(split.get("requested").asText()).isEqualTo("auto");
        assertThat(split.get("seed").asLong()).isEqualTo(42);
        assertThat(split.get("train_rows").asLong() + split.get("validation_rows").asLong()).isEqualTo(300);
        assertThat(trained.get("dropped_columns").isObject()).isTrue();

        assertThat(run("runs", "list", "--json")).isZero();
        assertThat(json().get("total").asLong()).isEqualTo(1);
        JsonNode listed = json().get("runs").get(0);
        assertThat(listed.get("experiment").asText()).isEqualTo("cli");
        assertThat(listed.get("best_epoch").asLong()).isEqualTo(bestEpoch);
        assertThat(listed.get("best_metrics")).isEqualTo(best);

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
    void aTestFractionHoldsOutRowsThatTrainJsonReportsApartFromValidation() throws Exception {
        int status = run("train", "--data", demo.toString(), "--label", "clicked", "--recipe", "logistic", "--epochs", "1",
                "--exclude", "ad_id", "--test-fraction", "0.2", "--min-count", "3", "--calibrate", "--json");

        assertThat(status).as(cli.err()).isZero();
        JsonNode trained = json();
        JsonNode split = trained.get("split");
        long test = trained.get("test_metrics").get("count").asLong();
        // The demo's 300 rows are in exactly one of the three parts.
        assertThat(split.get("train_rows").asLong() + split.get("validation_rows").asLong() + test).isEqualTo(300);
        assertThat(test).isPositive();
        // Named after the dataset and the plan: the same plan on the same file holds out the same rows.
        assertThat(trained.get("test_data").asText()).contains(demo.getFileName().toString())
                .endsWith("#test(auto, 20% of the rows, split seed 42)");
        assertThat(trained.get("test_metrics").get("auc").asDouble()).isBetween(0.0, 1.0);

        assertThat(run("runs", "show", trained.get("run_id").asText(), "--json")).isZero();
        assertThat(json().get("params").get("test_fraction").asText()).isEqualTo("0.2");
        assertThat(json().get("params").get("min_count").asText()).isEqualTo("3");
        assertThat(json().get("params").get("calibrate").asText()).isEqualTo("platt");
        assertThat(json().get("params").get("calibration").asText()).matches("platt a=-?[0-9.]+ b=-?[0-9.]+ on validation");

        assertThat(run("train", "--data", demo.toString(), "--label", "clicked", "--test-fraction", "0.6"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("the test fraction must be between 0 and 0.5, was 0.6");
    }

    @Test
    void repeatsTrainOneGroupWithConsecutiveSeedsOnOneSplitAndReportTheSpread() throws Exception {
        int status = run("train", "--data", demo.toString(), "--label", "clicked", "--recipe", "logistic", "--epochs", "1",
                "--exclude", "ad_id", "--seed", "7", "--repeats", "3", "--json");

        assertThat(status).as(cli.err()).isZero();
        JsonNode group = json();
        assertThat(group.get("kind").asText()).isEqualTo("repeat");
        JsonNode runs = group.get("runs");
        assertThat(runs).hasSize(3);
        double sum = 0;
        double[] aucs = new double[3];
        for (int i = 0; i < 3; i++) {
            aucs[i] = runs.get(i).get("best_metrics").get("val_auc").asDouble();
            sum += aucs[i];
            assertThat(run("runs", "show", runs.get(i).get("run_id").asText(), "--json")).isZero();
            JsonNode params = json().get("params");
            assertThat(params.get("seed").asText()).isEqualTo(Integer.toString(7 + i));
            assertThat(params.get("split_seed").asText()).isEqualTo("42");
            assertThat(params.get("group").asText()).isEqualTo(group.get("group").asText());
            assertThat(params.get("group_member").asText()).isEqualTo("repeat " + (i + 1) + " of 3");
        }
        // One split for all three: the same validation rows.
        assertThat(runs.get(0).get("split").get("validation_rows")).isEqualTo(runs.get(2).get("split").get("validation_rows"));
        JsonNode auc = group.get("spread").get("val_auc");
        assertThat(auc.get("count").asInt()).isEqualTo(3);
        assertThat(auc.get("mean").asDouble()).isCloseTo(sum / 3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(auc.get("low").asDouble()).isLessThanOrEqualTo(auc.get("mean").asDouble());
        assertThat(auc.get("high").asDouble()).isGreaterThanOrEqualTo(auc.get("mean").asDouble());

        // The group again, later, from the history.
        assertThat(run("runs", "group", group.get("group").asText(), "--json")).isZero();
        assertThat(json().get("spread").get("val_auc")).isEqualTo(auc);
        assertThat(json().get("kind").asText()).isEqualTo("repeat");
        assertThat(run("runs", "group", "g-none")).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.err()).contains("no run is in group g-none");

        // A group against itself: every difference is 0, and 0 is inside every interval.
        String id = group.get("group").asText();
        assertThat(run("compare-groups", id, id, "--json")).isZero();
        JsonNode differences = json().get("differences");
        assertThat(differences).isNotEmpty();
        for (JsonNode difference : differences) {
            assertThat(difference.get("difference").asDouble()).as(difference.toString()).isZero();
            assertThat(difference.get("verdict").asText()).isIn("tie", "n/a");
        }
    }

    @Test
    void foldsValidateEveryRowOnceAcrossTheGroup() throws Exception {
        int status = run("train", "--data", demo.toString(), "--label", "clicked", "--recipe", "logistic", "--epochs", "1",
                "--exclude", "ad_id", "--folds", "3", "--json");

        assertThat(status).as(cli.err()).isZero();
        JsonNode group = json();
        assertThat(group.get("kind").asText()).isEqualTo("fold");
        long validated = 0;
        for (int i = 0; i < 3; i++) {
            JsonNode split = group.get("runs").get(i).get("split");
            // Each fold trains on the other two thirds: its two sides hold all 300 rows.
            assertThat(split.get("train_rows").asLong() + split.get("validation_rows").asLong()).isEqualTo(300);
            assertThat(split.get("resolved").asText()).endsWith("fold " + (i + 1) + " of 3");
            validated += split.get("validation_rows").asLong();
        }
        assertThat(validated).as("every row validates in exactly one fold").isEqualTo(300);
        assertThat(group.get("spread").get("val_loss").get("count").asInt()).isEqualTo(3);

        assertThat(run("train", "--data", demo.toString(), "--label", "clicked", "--folds", "3", "--repeats", "2"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("--folds chooses the validation rows itself");
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
        assertThat(cli.err()).contains("--recipe must be logistic, tabular, image or multimodal, not 'forest'");

        assertThat(run("train", "--data", demo.toString(), "--label", "clicked", "--epochs", "0"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("epochs must be between 1 and 10000, was 0");

        assertThat(run("runs", "show", "r-nope")).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.err()).contains("r-nope");
    }

    @Test
    void badColumnsAreLeftOutWithTheirReasonAndAOneClassLabelIsRefused() throws Exception {
        // 60 rows: price carries the signal, region is 'eu' on every row, note is empty on every row.
        StringBuilder text = new StringBuilder("price,region,note,clicked\n");
        for (int row = 0; row < 60; row++) {
            text.append(row % 10).append(",eu,,").append(row % 10 > 4 ? 1 : 0).append('\n');
        }
        Path csv = Files.writeString(temp.resolve("constant.csv"), text);

        int status = run("train", "--data", csv.toString(), "--label", "clicked", "--epochs", "1", "--split", "random");

        assertThat(status).as(cli.err()).isZero();
        assertThat(cli.err()).contains("left out of the model: region: constant: 'eu' in all 60 rows that have a value")
                .contains("left out of the model: note: missing in every one of the 60 rows");
        String runId = cli.out().lines().findFirst().orElseThrow().split(" ")[0];
        assertThat(run("runs", "show", runId, "--json")).isZero();
        assertThat(json().get("dropped_columns").fieldNames()).toIterable().containsExactly("note", "region");

        // Every label 0: the run is refused with the label and its only value named.
        Path oneClass = Files.writeString(temp.resolve("one-class.csv"), "price,clicked\n1,0\n2,0\n3,0\n4,0\n");
        assertThat(run("train", "--data", oneClass.toString(), "--label", "clicked", "--epochs", "1", "--json"))
                .isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(json().get("error").asText()).contains("the label 'clicked' has only the value 0 in the 4 labelled rows");
    }

    @Test
    void aRefusedSplitLeavesNoRunBehind() throws Exception {
        assertThat(run("train", "--data", demo.toString(), "--label", "clicked", "--validation-fraction", "0"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("0 needs a validation file (--validation-data)");

        assertThat(run("train", "--data", demo.toString(), "--label", "clicked", "--split", "group:campaign"))
                .isNotZero();
        assertThat(cli.err()).contains("has no column 'campaign'");

        assertThat(run("train", "--data", demo.toString(), "--label", "clicked", "--split", "group"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("--split group:COLUMN");

        assertThat(run("runs", "list", "--json")).isZero();
        assertThat(json().get("total").asLong()).as("no phantom run").isZero();
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
