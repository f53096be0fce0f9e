package me.adsby.workbench.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCommandTest {

    /** sklearn's documented example (AUC 0.75, AP 5/6) on mobile, and a one-class slice on desktop. */
    private static final String CSV = "key,clicked,p,device\n"
            + "a1,0,0.1,mobile\na2,0,0.4,mobile\na3,1,0.35,mobile\na4,1,0.8,mobile\n"
            + "a5,1,0.9,desktop\na6,1,0.3,desktop\n";

    @TempDir
    Path temp;

    @Test
    void jsonHasEveryMetricAndSlicesWithUndefinedAsNull() throws Exception {
        Path csv = Files.writeString(temp.resolve("predictions.csv"), CSV);
        HeadlessRun cli = new HeadlessRun(temp.resolve("home"));

        int status = cli.run("metrics", "--predictions", csv.toString(), "--label-column", "clicked",
                "--score-column", "p", "--slice-column", "device", "--json");

        assertThat(status).as(cli.err()).isZero();
        JsonNode json = cli.json();
        assertThat(json.fieldNames()).toIterable().containsExactly("count", "positives", "auc", "pr_auc", "log_loss",
                "normalized_entropy", "brier", "accuracy", "precision", "recall", "f1", "ece", "threshold", "slices");
        assertThat(json.get("count").asLong()).isEqualTo(6);
        assertThat(json.get("positives").asLong()).isEqualTo(4);
        assertThat(json.get("threshold").asDouble()).isEqualTo(0.5);
        JsonNode mobile = json.get("slices").get("mobile");
        assertThat(mobile.get("auc").asDouble()).isCloseTo(0.75, within(1e-12));
        assertThat(mobile.get("pr_auc").asDouble()).isCloseTo(5.0 / 6, within(1e-12));
        // mobile at 0.5: only 0.8 (a positive) is predicted 1 -> precision 1, recall 1/2.
        assertThat(mobile.get("precision").asDouble()).isEqualTo(1.0);
        assertThat(mobile.get("recall").asDouble()).isEqualTo(0.5);
        JsonNode desktop = json.get("slices").get("desktop");
        assertThat(desktop.get("auc").isNull()).isTrue();  // no negatives
        assertThat(desktop.get("pr_auc").asDouble()).isEqualTo(1.0);
    }

    @Test
    void textIsAnAlignedTable() throws Exception {
        Path csv = Files.writeString(temp.resolve("predictions.csv"), CSV);
        HeadlessRun cli = new HeadlessRun(temp.resolve("home"));

        int status = cli.run("metrics", "--predictions", csv.toString(), "--label-column", "clicked",
                "--score-column", "p", "--slice-column", "device", "--threshold", "0.3");

        assertThat(status).as(cli.err()).isZero();
        var lines = cli.out().lines().toList();
        assertThat(lines.get(0)).startsWith("device").contains("auc", "pr_auc", "log_loss", "ece");
        assertThat(lines.get(1)).startsWith("all");
        assertThat(lines.get(2)).startsWith("desktop").contains("n/a");
        assertThat(lines.get(3)).startsWith("mobile ").contains("0.7500", "0.8333");
        // Aligned: each row's last column ends at the same place.
        assertThat(lines.subList(0, 4)).allSatisfy(line -> assertThat(line).hasSize(lines.get(0).length()));
        assertThat(cli.out()).contains("threshold 0.3");
    }

    @Test
    void aBadRowFailsNamingTheFileAndLine() throws Exception {
        Path csv = Files.writeString(temp.resolve("predictions.csv"), "key,label,score\na1,1,0.5\na2,0,1.2\n");
        HeadlessRun cli = new HeadlessRun(temp.resolve("home"));

        int status = cli.run("metrics", "--predictions", csv.toString());

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.err()).contains("predictions.csv:3: score 1.2 is outside [0, 1]");
    }

    @Test
    void readsPredictionsFromGcs() throws Exception {
        try (GcsTestServer gcs = GcsTestServer.start()) {
            gcs.createBucket("runs");
            gcs.putObject("runs", "r-1/eval/predictions.csv", CSV.replace("clicked", "label").replace(",p,", ",score,")
                    .getBytes(StandardCharsets.UTF_8), "text/csv");
            HeadlessRun cli = new HeadlessRun(temp.resolve("home"));

            int status = cli.run("metrics", "--predictions", "gs://runs/r-1/eval/predictions.csv", "--gcs-endpoint",
                    gcs.url(), "--json");

            assertThat(status).as(cli.err()).isZero();
            assertThat(cli.json().get("count").asLong()).isEqualTo(6);
            assertThat(cli.json().has("slices")).isFalse();
        }
    }
}
