package me.adsby.workbench.storage.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryMirrorTest {

    private static final String REGISTRY = "/home/ann/.workbench/registry";

    @TempDir
    Path home;

    @Test
    void versionsLabelsAndArchivesAreMirroredAndEveryActionIsAudited() {
        TestClock clock = new TestClock("2026-11-30T10:00:00Z");
        try (RunHistory history = RunHistory.open(home.resolve("history"), clock)) {
            RegistryMirror mirror = history.registry();
            Instant published = Instant.parse("2026-11-30T09:59:00Z");
            mirror.recordVersion(REGISTRY, "ctr", 1, "run-1", "ann", published, null);
            mirror.recordVersion(REGISTRY, "ctr", 2, "run-2", "bob", published, null);
            clock.advance(Duration.ofMinutes(1));
            mirror.recordLabel(REGISTRY, "ctr", "production", 1, RegistryAction.LABEL, "ann", null);
            mirror.recordLabel(REGISTRY, "ctr", "production", 2, RegistryAction.OVERRIDE, "bob", "AUC gap is noise");
            mirror.recordLabel(REGISTRY, "ctr", "production", 1, RegistryAction.ROLLBACK, "ann", "from 2");
            mirror.recordArchive(REGISTRY, "ctr", 2, "ann", null);
            // Same name in another registry: kept apart.
            mirror.recordVersion("gs://b/registry", "ctr", 7, null, "cy", published, null);

            assertThat(mirror.versions(REGISTRY, "ctr")).containsExactly(
                    new RegistryVersionRow(REGISTRY, "ctr", 1, "run-1", "ann", published, false),
                    new RegistryVersionRow(REGISTRY, "ctr", 2, "run-2", "bob", published, true));
            assertThat(mirror.labels(REGISTRY, "ctr")).isEqualTo(Map.of("production", 1L));
            List<RegistryAuditEntry> audit = mirror.audit(REGISTRY, "ctr");
            assertThat(audit).extracting(RegistryAuditEntry::action).containsExactly(RegistryAction.PUBLISH,
                    RegistryAction.PUBLISH, RegistryAction.LABEL, RegistryAction.OVERRIDE, RegistryAction.ROLLBACK,
                    RegistryAction.ARCHIVE);
            assertThat(audit.get(3).details()).isEqualTo("AUC gap is noise");
            assertThat(audit.get(3).actor()).isEqualTo("bob");
            assertThat(audit.get(3).at()).isEqualTo(Instant.parse("2026-11-30T10:01:00Z"));
            assertThat(mirror.versions("gs://b/registry", "ctr")).extracting(RegistryVersionRow::version).containsExactly(7L);
        }
    }

    @Test
    void onlyKnownLabelsAndLabelActionsAreTaken() {
        try (RunHistory history = RunHistory.open(home.resolve("history"))) {
            RegistryMirror mirror = history.registry();
            assertThatThrownBy(() -> mirror.recordLabel(REGISTRY, "ctr", "canary", 1, RegistryAction.LABEL, "ann", null))
                    .isInstanceOf(RunHistoryException.class).hasMessageContaining("REGISTRY_LABELS_KNOWN");
            assertThatThrownBy(() -> mirror.recordLabel(REGISTRY, "ctr", "production", 1, RegistryAction.ARCHIVE, "ann", null))
                    .isInstanceOf(IllegalArgumentException.class);
            // The failed move left nothing behind, not even the model row's audit line.
            assertThat(mirror.audit(REGISTRY, "ctr")).isEmpty();
        }
    }
}
