package me.adsby.workbench.storage.history;

import static me.adsby.workbench.storage.history.HistoryFixtures.newRun;
import static me.adsby.workbench.storage.history.HistoryFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeleteTest {

    static final List<String> RUN_TABLES = List.of("params", "tags", "provenance", "provenance_objects", "metric_points",
            "final_metrics", "artifacts", "evaluations", "event_watermarks");

    @TempDir
    Path home;

    @Test
    void deletingARunDeletesEveryRowOfItAndNothingElse() {
        try (RunHistory history = RunHistory.open(home.resolve("history"))) {
            String gone = fill(history, "gone");
            String kept = fill(history, "kept");

            assertThat(history.deleteRun(gone)).isTrue();

            assertThat(history.findRun(gone)).isEmpty();
            for (String table : RUN_TABLES) {
                assertThat(rows(history, table, gone)).as(table).isZero();
                assertThat(rows(history, table, kept)).as(table).isPositive();
            }
            // Each run had one evaluation with 2 metrics: only the kept run's 2 remain.
            assertThat(evaluationMetrics(history)).isEqualTo(2);
            assertThat(history.record(kept).params()).containsKey("lr");
            assertThat(history.deleteRun(gone)).isFalse();
        }
    }

    private static String fill(RunHistory history, String name) {
        String id = history.createRun(newRun(name, null, Map.of("lr", "0.1"))).id();
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        history.putTags(id, Map.of("owner", "ana"));
        history.putProvenance(id, new Provenance("/data/a.csv", Map.of("/data/a.csv", "1"), null, "0.1.0", 1L, "2.18.0",
                "h", "cpu"));
        history.ingestEvents(id, 3, List.of(new MetricPoint("loss", 0, 0, 1.0, t), new MetricPoint("loss", 1, 0, 0.5, t)));
        history.putArtifact(id, new Artifact("model", "/runs/" + name + "/model", 10L, null));
        history.addEvaluation(id, "/data/b.csv", null, Map.of("auc", 0.7, "log_loss", 0.5));
        return id;
    }

    private static long evaluationMetrics(RunHistory history) {
        return history.database().read("count", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM evaluation_metrics");
                    ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
