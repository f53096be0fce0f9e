package me.adsby.workbench.storage.history;

import static me.adsby.workbench.storage.history.HistoryFixtures.newRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    /** The number of the newest file in src/main/resources/db/history. */
    private static final int LATEST = 4;

    @TempDir
    Path home;

    @Test
    void anEmptyFolderGetsTheWholeSchema() {
        try (RunHistory history = RunHistory.open(home.resolve("history"))) {
            assertThat(history.migrationsApplied()).isEqualTo(LATEST);
            assertThat(tables(history)).contains("EXPERIMENTS", "RUNS", "PARAMS", "TAGS", "PROVENANCE", "PROVENANCE_OBJECTS",
                    "METRIC_POINTS", "FINAL_METRICS", "ARTIFACTS", "EVALUATIONS", "EVALUATION_METRICS", "EVENT_WATERMARKS",
                    "REGISTRY_MODELS", "REGISTRY_VERSIONS", "REGISTRY_LABELS", "REGISTRY_AUDIT", "BEST_METRICS",
                    "flyway_schema_history");
        }
        assertThat(home.resolve("history/history.mv.db")).isRegularFile();
    }

    @Test
    void reopeningKeepsTheDataAndRunsNoMigrationAgain() {
        Path folder = home.resolve("history");
        Run run;
        try (RunHistory history = RunHistory.open(folder)) {
            run = history.createRun(newRun("first", "ctr", Map.of("lr", "0.01")));
        }
        try (RunHistory history = RunHistory.open(folder)) {
            assertThat(history.migrationsApplied()).isZero();
            assertThat(history.run(run.id())).isEqualTo(run);
            assertThat(history.record(run.id()).params()).isEqualTo(Map.of("lr", "0.01"));
            assertThat(appliedVersions(history)).hasSize(LATEST).contains("1", String.valueOf(LATEST));
        }
    }

    @Test
    void aDatabaseOfTheFirstSchemaIsUpgradedInPlaceWithItsEvaluations() throws Exception {
        Path folder = home.resolve("history");
        Files.createDirectories(folder);
        String url = "jdbc:h2:file:" + folder.resolve(RunHistory.DATABASE_NAME);
        Flyway.configure().dataSource(url, "workbench", "").locations(RunHistory.MIGRATIONS).target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "workbench", "");
             Statement insert = c.createStatement()) {
            insert.executeUpdate("INSERT INTO experiments (id, name, created) VALUES (1, 'ctr', CURRENT_TIMESTAMP)");
            insert.executeUpdate("INSERT INTO runs (id, name, experiment_id, status, target, created, run_dir)"
                    + " VALUES ('r-old', 'old', 1, 'SUCCEEDED', 'local-cpu', CURRENT_TIMESTAMP, '/runs/r-old')");
            insert.executeUpdate("INSERT INTO evaluations (id, run_id, dataset_uri, created)"
                    + " VALUES (7, 'r-old', '/data/holdout.csv', CURRENT_TIMESTAMP)");
            insert.executeUpdate("INSERT INTO evaluation_metrics VALUES (7, 'auc', 0.75)");
        }
        try (RunHistory history = RunHistory.open(folder)) {
            assertThat(history.migrationsApplied()).isEqualTo(LATEST - 1);
            List<Evaluation> kept = history.record("r-old").evaluations();
            assertThat(kept).hasSize(1);
            assertThat(kept.get(0).metrics()).isEqualTo(Map.of("auc", 0.75));
            assertThat(kept.get(0).predictionsUri()).isNull();
            Run run = history.createRun(newRun("after", "ctr", Map.of()));
            assertThat(history.addEvaluation(run.id(), "/data/holdout.csv", "/p.csv", Map.of()).predictionsUri())
                    .isEqualTo("/p.csv");
        }
    }

    @Test
    void runsRecordedBeforeBestMetricsGetTheEpochTheyExported() throws Exception {
        Path folder = home.resolve("history");
        Files.createDirectories(folder);
        String url = "jdbc:h2:file:" + folder.resolve(RunHistory.DATABASE_NAME);
        Flyway.configure().dataSource(url, "workbench", "").locations(RunHistory.MIGRATIONS).target("3").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "workbench", "");
             Statement insert = c.createStatement()) {
            insert.executeUpdate("INSERT INTO experiments (id, name, created) VALUES (1, 'ctr', CURRENT_TIMESTAMP)");
            insert.executeUpdate("INSERT INTO runs (id, name, experiment_id, status, target, created, run_dir)"
                    + " VALUES ('r-old', 'old', 1, 'SUCCEEDED', 'local-cpu', CURRENT_TIMESTAMP, '/runs/r-old')");
            // Validation AUC 0.6, 0.7, 0.7 over epochs 1..3: runs of that schema exported the first epoch of the
            // highest AUC, epoch 2; its loss is 0.5 (epoch 3's is 0.4, the last epoch's).
            double[][] epochs = {{0.6, 0.6}, {0.7, 0.5}, {0.7, 0.4}};
            for (int e = 0; e < epochs.length; e++) {
                insert.executeUpdate("INSERT INTO metric_points (run_id, metric_key, step, epoch, metric_val, wall_ms) VALUES"
                        + " ('r-old', 'val_auc', " + (e + 1) + ", " + (e + 1) + ", " + epochs[e][0] + ", 0),"
                        + " ('r-old', 'val_loss', " + (e + 1) + ", " + (e + 1) + ", " + epochs[e][1] + ", 0)");
            }
        }
        try (RunHistory history = RunHistory.open(folder)) {
            assertThat(history.record("r-old").best()).contains(new BestEpoch(2, Map.of("val_auc", 0.7, "val_loss", 0.5)));
        }
    }

    @Test
    void theDatabaseFilesAreOwnerOnly() throws IOException {
        Path folder = home.resolve("history");
        RunHistory.open(folder).close();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
        }
    }

    private static List<String> tables(RunHistory history) {
        return strings(history, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'");
    }

    private static List<String> appliedVersions(RunHistory history) {
        return strings(history, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL");
    }

    private static List<String> strings(RunHistory history, String sql) {
        return history.database().read("test", c -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        });
    }
}
