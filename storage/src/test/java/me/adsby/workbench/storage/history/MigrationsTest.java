package me.adsby.workbench.storage.history;

import static me.adsby.workbench.storage.history.HistoryFixtures.newRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path home;

    @Test
    void anEmptyFolderGetsTheWholeSchema() {
        try (RunHistory history = RunHistory.open(home.resolve("history"))) {
            assertThat(history.migrationsApplied()).isEqualTo(2);
            assertThat(tables(history)).contains("EXPERIMENTS", "RUNS", "PARAMS", "TAGS", "PROVENANCE", "PROVENANCE_OBJECTS",
                    "METRIC_POINTS", "FINAL_METRICS", "ARTIFACTS", "EVALUATIONS", "EVALUATION_METRICS", "EVENT_WATERMARKS",
                    "REGISTRY_MODELS", "REGISTRY_VERSIONS", "REGISTRY_LABELS", "REGISTRY_AUDIT",
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
            assertThat(appliedVersions(history)).containsExactly("1", "3");
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
