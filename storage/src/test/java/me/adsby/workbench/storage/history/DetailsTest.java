package me.adsby.workbench.storage.history;

import static me.adsby.workbench.storage.history.HistoryFixtures.newRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetailsTest {

    @TempDir
    Path home;

    TestClock clock = new TestClock("2026-11-26T10:15:30.123Z");
    RunHistory history;
    Run run;

    @BeforeEach
    void open() {
        history = RunHistory.open(home.resolve("history"), clock);
        run = history.createRun(newRun("details", "ctr-baseline", Map.of("learning_rate", "0.01", "epochs", "5")));
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void paramsRoundTripAndLaterOnesReplaceByKey() {
        history.putParams(run.id(), Map.of("epochs", "10", "batch_size", "256"));

        assertThat(history.record(run.id()).params())
                .isEqualTo(Map.of("learning_rate", "0.01", "epochs", "10", "batch_size", "256"));
        assertThat(history.experiments()).containsExactly("ctr-baseline");
    }

    @Test
    void runsAreFoundByAParamValueOldestFirst() {
        clock.advance(Duration.ofSeconds(1));
        Run second = history.createRun(newRun("second", "ctr-baseline", Map.of()));
        clock.advance(Duration.ofSeconds(1));
        Run other = history.createRun(newRun("other", "ctr-baseline", Map.of()));
        history.putParams(second.id(), Map.of("group", "g-1"));
        history.putParams(run.id(), Map.of("group", "g-1"));
        history.putParams(other.id(), Map.of("group", "g-2"));

        assertThat(history.runsWithParam("group", "g-1")).containsExactly(run.id(), second.id());
        assertThat(history.runsWithParam("group", "g-3")).isEmpty();
        // g-2's only run is the newest; g-1's newest is "second", a second older.
        assertThat(history.paramValues("group")).containsExactly("g-2", "g-1");
        assertThat(history.paramValues("no_such_param")).isEmpty();
    }

    @Test
    void provenanceRoundTripsAndIsReplacedWhole() {
        Provenance first = new Provenance("gs://ads/clicks/day=01/", Map.of("gs://ads/clicks/day=01/part-0.csv", "1732615000123456",
                "gs://ads/clicks/day=01/images/a.png", "1732615000999999"), "sha256:ab12", "0.1.0", 42L, "2.18.0", "lab-3",
                "NVIDIA H100 80GB");
        history.putProvenance(run.id(), first);
        assertThat(history.record(run.id()).provenance()).contains(first);

        Provenance second = new Provenance("/data/clicks.csv", Map.of("/data/clicks.csv", "2026-11-26T09:00:00Z"), null,
                "0.1.0", null, "2.18.0", "laptop", "Intel i7, 8 cores");
        history.putProvenance(run.id(), second);
        assertThat(history.record(run.id()).provenance()).contains(second);
    }

    @Test
    void tagsRoundTripAndCanBeRemoved() {
        history.putTags(run.id(), Map.of("owner", "ana", "note", "baseline; 1st try"));
        history.putTags(run.id(), Map.of("note", "keeper"));
        assertThat(history.removeTag(run.id(), "owner")).isTrue();
        assertThat(history.removeTag(run.id(), "owner")).isFalse();

        assertThat(history.record(run.id()).tags()).isEqualTo(Map.of("note", "keeper"));
    }

    @Test
    void artifactsRoundTripInOrderAndOnePerUri() {
        history.putArtifact(run.id(), new Artifact("checkpoint", "/runs/details/checkpoints/ckpt-1", 1024L, null));
        history.putArtifact(run.id(), new Artifact("model", "/runs/details/model", null, "sha256:ff"));
        history.putArtifact(run.id(), new Artifact("checkpoint", "/runs/details/checkpoints/ckpt-1", 2048L, "crc32c:0a"));

        assertThat(history.record(run.id()).artifacts()).containsExactly(
                new Artifact("checkpoint", "/runs/details/checkpoints/ckpt-1", 2048L, "crc32c:0a"),
                new Artifact("model", "/runs/details/model", null, "sha256:ff"));
    }

    @Test
    void evaluationsRoundTripInTheOrderTheyWereMade() {
        Evaluation first = history.addEvaluation(run.id(), "gs://ads/holdout.csv", "/runs/r1/eval/holdout/predictions.csv",
                Map.of("auc", 0.81, "log_loss", 0.42));
        clock.advance(Duration.ofMinutes(1));
        Evaluation second = history.addEvaluation(run.id(), "gs://ads/holdout-2.csv", null, Map.of());

        List<Evaluation> stored = history.record(run.id()).evaluations();
        assertThat(stored).containsExactly(first, second);
        assertThat(stored.get(0).created()).isEqualTo(Instant.parse("2026-11-26T10:15:30.123Z"));
        assertThat(stored.get(0).metrics()).isEqualTo(Map.of("auc", 0.81, "log_loss", 0.42));
        assertThat(stored.get(0).predictionsUri()).isEqualTo("/runs/r1/eval/holdout/predictions.csv");
        assertThat(stored.get(1).metrics()).isEmpty();
        assertThat(stored.get(1).predictionsUri()).isNull();
    }

    @Test
    void aRecordWithNothingAddedHasEmptyParts() {
        Run bare = history.createRun(newRun("bare"));

        RunRecord record = history.record(bare.id());
        assertThat(record.run()).isEqualTo(bare);
        assertThat(record.provenance()).isEmpty();
        assertThat(record.params()).isEmpty();
        assertThat(record.tags()).isEmpty();
        assertThat(record.artifacts()).isEmpty();
        assertThat(record.evaluations()).isEmpty();
        assertThat(record.finalMetrics()).isEmpty();
        assertThat(record.eventWatermark()).isEqualTo(-1);
    }

    @Test
    void detailsOfAnUnknownRunAreRefused() {
        assertThatThrownBy(() -> history.putTags("r-x", Map.of("a", "b"))).isInstanceOf(NoSuchRunException.class);
        assertThatThrownBy(() -> history.record("r-x")).isInstanceOf(NoSuchRunException.class);
    }
}
