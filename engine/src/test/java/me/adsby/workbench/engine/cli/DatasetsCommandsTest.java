package me.adsby.workbench.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsCommandsTest {

    @TempDir
    Path temp;

    private HeadlessRun cli;

    private GcsTestServer gcs;

    @AfterEach
    void stopServer() {
        if (gcs != null) {
            gcs.close();
        }
    }



    @Test
    void listPagesThroughABucketOnTheGcsServer() throws Exception {
        gcs = GcsTestServer.start();
        gcs.createBucket("ads");
        for (int i = 0; i < 1500; i++) {
            gcs.putObject("ads", String.format("2026/images/ad_%04d.png", i), new byte[] {1, 2, 3}, "image/png");
        }
        gcs.putObject("ads", "2026/ads.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv");

        int oneLevel = run("datasets", "list", "gs://ads/2026", "--gcs-endpoint", gcs.url(), "--json");
        assertThat(oneLevel).as(cli.err()).isZero();
        assertThat(json().get("entries")).hasSize(2);  // ads.csv and the images/ folder

        int recursive = run("datasets", "list", "gs://ads/2026/", "--recursive", "--gcs-endpoint", gcs.url(), "--json");
        assertThat(recursive).isZero();
        // 1,500 images and the CSV: two pages of 1,000 at most.
        assertThat(json().get("entries")).hasSize(1501);
        assertThat(json().get("truncated").asBoolean()).isFalse();

        run("datasets", "list", "gs://ads/2026/", "--recursive", "--limit", "10", "--gcs-endpoint", gcs.url());
        assertThat(cli.out().lines()).hasSize(11).last().isEqualTo("(stopped at --limit)");
    }

    @Test
    void statsOfACsvMatchHandComputedValues() throws Exception {
        Path csv = Files.writeString(temp.resolve("ads.csv"),
                "ad_id,device,bid,clicked\na1,mobile,1,1\na2,desktop,2,0\na3,mobile,3,0\na4,mobile,10,1\n");

        int status = run("datasets", "stats", csv.toString(), "--json");

        assertThat(status).as(cli.err()).isZero();
        JsonNode statistics = json();
        assertThat(statistics.get("goodRows").asLong()).isEqualTo(4);
        JsonNode bid = statistics.get("columns").get(2);
        assertThat(bid.get("name").asText()).isEqualTo("bid");
        // mean (1 + 2 + 3 + 10) / 4 = 4; sample sd sqrt((9 + 4 + 1 + 36) / 3) = sqrt(50 / 3)
        assertThat(bid.get("numeric").get("mean").asDouble()).isEqualTo(4.0);
        assertThat(bid.get("numeric").get("stdDev").asDouble()).isCloseTo(Math.sqrt(50.0 / 3), within());
        // Two of four clicked.
        assertThat(statistics.get("label").get("positiveRate").asDouble()).isEqualTo(0.5);
    }

    @Test
    void statsSayWhichCountsAreEstimatedAndHowFarOffTheyMayBe() throws Exception {
        // 12,000 distinct ids pass the exact cap of 10,000 (a HyperLogLog estimate); device keeps 2 values.
        int rows = 12_000;
        StringBuilder text = new StringBuilder("ad_id,device,clicked\n");
        for (int i = 0; i < rows; i++) {
            text.append("a").append(i).append(i % 3 == 0 ? ",tv," : ",mobile,").append(i % 2).append('\n');
        }
        Path csv = Files.writeString(temp.resolve("ads.csv"), text);

        assertThat(run("datasets", "stats", csv.toString(), "--json")).as(cli.err()).isZero();
        JsonNode id = json().get("columns").get(0).get("distinct");
        assertThat(id.get("estimated").asBoolean()).isTrue();
        assertThat(id.get("lowerBound").asDouble()).isLessThanOrEqualTo(rows);
        assertThat(id.get("upperBound").asDouble()).isGreaterThanOrEqualTo(rows);
        JsonNode device = json().get("columns").get(1).get("distinct");
        assertThat(device.get("estimated").asBoolean()).isFalse();
        assertThat(device.get("value").asLong()).isEqualTo(2);

        assertThat(run("datasets", "stats", csv.toString())).isZero();
        String idLine = cli.out().lines().filter(line -> line.startsWith("ad_id ")).findFirst().orElseThrow();
        assertThat(idLine).containsPattern("≈\\d+ ±\\d+\\.\\d%");
        // 4,000 of 12,000 rows are tv (i divisible by 3), 8,000 mobile: exact counts, no ≈.
        String deviceLine = cli.out().lines().filter(line -> line.startsWith("device ")).findFirst().orElseThrow();
        assertThat(deviceLine).doesNotContain("≈").contains("mobile (8000)").contains("tv (4000)");
        assertThat(cli.out()).contains("≈: estimated by a sketch");
    }

    @Test
    void statsProbeAnEvenSampleOfALargeLocalDatasetsImagesUnlessToldToProbeAll() throws Exception {
        // 6,000 rows over a sample limit of 5,000: the even sample halves to positions 0, 2, .., 4998 when the
        // 5,001st reference comes, then keeps every other one: 2,500 + 500 = 3,000. No image exists.
        int rows = 6_000;
        assertThat(DatasetsStatsCommand.LOCAL_IMAGE_SAMPLE).isEqualTo(5_000);
        StringBuilder text = new StringBuilder("ad_id,image,clicked\n");
        for (int i = 0; i < rows; i++) {
            text.append("a").append(i).append(",images/a").append(i).append(".png,").append(i % 2).append('\n');
        }
        Path csv = Files.writeString(temp.resolve("ads.csv"), text);

        assertThat(run("datasets", "stats", csv.toString(), "--json")).as(cli.err()).isZero();
        JsonNode sampled = json().get("image");
        assertThat(sampled.get("references").asLong()).isEqualTo(rows);
        assertThat(sampled.get("probed").asLong()).isEqualTo(3_000);
        assertThat(sampled.get("sampled").asBoolean()).isTrue();

        assertThat(run("datasets", "stats", csv.toString(), "--json", "--image-sample", "0")).isZero();
        JsonNode all = json().get("image");
        assertThat(all.get("probed").asLong()).isEqualTo(rows);
        assertThat(all.get("sampled").asBoolean()).isFalse();
    }

    @Test
    void validateListsEveryBadRowWithItsLineAndFails() throws Exception {
        Path csv = Files.writeString(temp.resolve("ads.csv"),
                "ad_id,bid,clicked\na1,1.5,1\na2,2.5\na3,3.5,0\na4,4.5,maybe\n");

        // "maybe" keeps inference from taking clicked as the label, so it is named.
        int status = run("datasets", "validate", csv.toString(), "--label", "clicked");

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.out().lines().limit(2)).containsExactly(
                csv + ":3: expected 3 fields, found 2",
                csv + ":5: label column 'clicked' has 'maybe'; expected 0/1, true/false or yes/no");
        assertThat(cli.out()).contains("4 rows read, 2 good, 2 bad");
    }

    @Test
    void aValidFileExitsZero() throws Exception {
        Path csv = Files.writeString(temp.resolve("ads.csv"), "ad_id,clicked\na1,1\na2,0\n");

        assertThat(run("datasets", "validate", csv.toString(), "--json")).isZero();
        assertThat(json().get("badRows").asLong()).isZero();
    }

    @Test
    void driftFlagsACategoricalShiftByItsLInfinityDistance() throws Exception {
        // device: base 2 mobile, 2 desktop (0.5 / 0.5); candidate 4 mobile, 1 desktop (0.8 / 0.2): L-inf 0.3.
        Path base = Files.writeString(temp.resolve("base.csv"),
                "device,clicked\nmobile,1\nmobile,0\ndesktop,0\ndesktop,1\n");
        Path candidate = Files.writeString(temp.resolve("candidate.csv"),
                "device,clicked\nmobile,1\nmobile,0\nmobile,0\nmobile,1\ndesktop,0\n");

        int status = run("datasets", "drift", base.toString(), candidate.toString(), "--json", "--fail-on-drift");

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        JsonNode device = json().get("features").get(0);
        assertThat(device.get("feature").asText()).isEqualTo("device");
        assertThat(device.get("value").asDouble()).isCloseTo(0.3, within());
        assertThat(device.get("drifted").asBoolean()).isTrue();
    }

    @Test
    void aBadUriIsAUsageErrorThatSaysWhy() {
        assertThat(run("datasets", "stats", "relative/ads.csv")).isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("relative path");
    }

    @Test
    void aMissingFileIsAFailureThatNamesIt() {
        Path missing = temp.resolve("nope.csv");

        assertThat(run("datasets", "stats", missing.toString())).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.err()).contains(missing.toString());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
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
