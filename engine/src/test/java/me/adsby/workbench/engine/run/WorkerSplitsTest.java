package me.adsby.workbench.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.work.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker resolves a run's split: auto groups by an ad id that repeats, a validation file validates, and a
 * test file is scored once at the end. The data: rows of 24 ads (5 rows an ad in 120) rated by 37 people (row r
 * by person r mod 37); the click depends on a price. Both ids repeat with at least 20 values: groups.
 */
class WorkerSplitsTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private Path write(String name, int firstRow, int rows) throws IOException {
        StringBuilder text = new StringBuilder("row_id,pid,ad_id,price,clicked\n");
        for (int row = firstRow; row < firstRow + rows; row++) {
            double price = (row * 37 % 100) / 10.0;
            text.append(row).append(',').append(row % 37).append(",ad-").append(row % 24).append(',').append(price).append(',')
                    .append(price > 5 ? 1 : 0).append('\n');
        }
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static RunSpec spec(Path csv, SplitPlan split) {
        Hyperparameters hp = Hyperparameters.defaults(Recipe.TABULAR).withEpochs(2).withPatience(10);
        return new RunSpec("r-test", "test", "default", csv.toString(), "clicked", null, List.of("pid"), Recipe.TABULAR, hp,
                split.validationFraction(), 0, "local-cpu", "test", split, "log_loss", null);
    }

    private List<RunEvent> train(RunSpec spec) throws IOException {
        try (BlobStores stores = new BlobStores(new GcsOptions(null, null))) {
            RunDirectory run = new RunDirectory(BlobUri.local(temp.resolve("runs/r-test")));
            BlobStore store = stores.forUri(run.root());
            spec.write(store, run);
            String status = new TrainingWorker(stores, run, temp.resolve("cache"), new PrintStream(log, true,
                    StandardCharsets.UTF_8), Clock.systemUTC(), Cancellation.NEVER).run();
            assertThat(status).as(log.toString()).isEqualTo("SUCCEEDED");
            return new EventReader(store, run).readAfter(0);
        }
    }

    private static RunEvent first(List<RunEvent> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void autoGroupsByTheRepeatingIdWithTheFewestValuesAndSaysSo() throws IOException {
        Path csv = write("ads.csv", 1, 120);

        RunEvent prepared = first(train(spec(csv, SplitPlan.defaults())), RunEvents.PREPARED);

        assertThat(prepared.data().get("split").asText()).isEqualTo("group:ad_id");
        // pid (37 values) and ad_id (24) both repeat across a random split; the coarser ad_id is grouped, and
        // people still on both sides are reported.
        assertThat(prepared.data().get("notices").toString()).contains("group:ad_id").contains("Leakage: pid");
        // Whole ads move: 5 rows each.
        assertThat(prepared.data().get("validation").asLong() % 5).isZero();
        assertThat(prepared.data().get("train").asLong() + prepared.data().get("validation").asLong()).isEqualTo(120);
        assertThat(log.toString()).contains("Notice: The split is group:ad_id");
    }

    @Test
    void aRandomSplitThatLeaksIsKeptButReported() throws IOException {
        Path csv = write("ads.csv", 1, 120);

        RunEvent prepared = first(train(spec(csv, new SplitPlan("random", null, 0.25, 42L, null, null))),
                RunEvents.PREPARED);

        // row_id is the schema's key, so a random split hashes it.
        assertThat(prepared.data().get("split").asText()).isEqualTo("random by row_id");
        assertThat(prepared.data().get("notices").toString()).contains("Leakage: ad_id").contains("--split group:ad_id");
    }

    @Test
    void aValidationFileValidatesAndATestFileIsScoredOnceAtTheEnd() throws IOException {
        Path train = write("train.csv", 1, 120);
        Path validation = write("validation.csv", 121, 30);
        Path test = write("test.csv", 151, 40);

        List<RunEvent> events = train(spec(train, new SplitPlan("auto", null, 0, 42L, validation.toString(),
                test.toString())));

        RunEvent prepared = first(events, RunEvents.PREPARED);
        assertThat(prepared.data().get("split").asText()).isEqualTo("validation file " + validation);
        assertThat(prepared.data().get("train").asLong()).isEqualTo(120);
        assertThat(prepared.data().get("validation").asLong()).isEqualTo(30);
        RunDirectory run = new RunDirectory(BlobUri.local(temp.resolve("runs/r-test")));
        assertThat(Files.readAllLines(run.eval().toPath().resolve("predictions.csv"))).hasSize(31);
        RunEvent tested = first(events, RunEvents.TEST);
        assertThat(tested.data().get("dataset").asText()).isEqualTo(BlobUri.parse(test.toString()).toString());
        assertThat(tested.data().get("metrics").get("count").asLong()).isEqualTo(40);
        assertThat(Files.readAllLines(run.eval().toPath().resolve("test/predictions.csv"))).hasSize(41);
        assertThat(run.eval().toPath().resolve("test/metrics.json")).isRegularFile();
    }

    @Test
    void aTestFractionHoldsOutWholeAdsThatNeitherTrainNorValidateAndScoresThemOnce() throws IOException {
        Path csv = write("ads.csv", 1, 120);

        List<RunEvent> events = train(spec(csv, new SplitPlan("group", "ad_id", 0.25, 42L, null, null, 0.25)));

        RunEvent prepared = first(events, RunEvents.PREPARED);
        assertThat(prepared.data().get("split").asText()).isEqualTo("group:ad_id, 25% held out as test rows");
        RunDirectory run = new RunDirectory(BlobUri.local(temp.resolve("runs/r-test")));
        java.util.Set<String> validationAds = ads(run.eval().toPath().resolve("predictions.csv"));
        java.util.Set<String> testAds = ads(run.eval().toPath().resolve("test/predictions.csv"));
        long train = prepared.data().get("train").asLong();
        long validation = prepared.data().get("validation").asLong();
        RunEvent tested = first(events, RunEvents.TEST);
        long test = tested.data().get("metrics").get("count").asLong();
        // Every row is in exactly one part, and every ad (5 rows each) in one part only.
        assertThat(train + validation + test).isEqualTo(120);
        assertThat(test).isPositive();
        assertThat(test % 5).isZero();
        assertThat(testAds).doesNotContainAnyElementsOf(validationAds);
        assertThat(tested.data().get("dataset").asText()).isEqualTo(BlobUri.parse(csv.toString())
                + "#test(group:ad_id, 25% of the rows, split seed 42)");
    }

    /** The ad of each scored row: row r is ad r mod 24 (see {@link #write}). */
    private static java.util.Set<String> ads(Path predictions) throws IOException {
        java.util.Set<String> ads = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(predictions).subList(1, Files.readAllLines(predictions).size())) {
            ads.add("ad-" + Long.parseLong(line.split(",")[0]) % 24);
        }
        return ads;
    }
}
