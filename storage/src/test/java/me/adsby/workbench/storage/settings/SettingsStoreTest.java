package me.adsby.workbench.storage.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path temp;

    @Test
    void missingFileGivesTheDefaults() throws IOException {
        Settings settings = new SettingsStore(temp.resolve("settings.json")).load();

        assertThat(settings).isEqualTo(Settings.defaults());
        assertThat(settings.defaultTarget()).isEqualTo(TrainingTarget.LOCAL_CPU);
        assertThat(settings.recentLocations()).isEmpty();
    }

    @Test
    void settingsRoundTripThroughAnOwnerOnlyFile() throws IOException {
        SettingsStore store = new SettingsStore(temp.resolve("settings.json"));
        Settings saved = Settings.defaults()
                .withDefaultGcsProject("ads-research")
                .withDefaultTarget(TrainingTarget.LOCAL_GPU)
                .withRecentLocation("gs://ads-bucket/2026/ads.csv")
                .withRecentLocation("/data/demo");

        store.save(saved);

        assertThat(store.load()).isEqualTo(saved);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(Files.readString(store.file()))
                .contains("\"defaultTarget\" : \"local-gpu\"")
                .contains("\"defaultGcsProject\" : \"ads-research\"");
        try (var siblings = Files.list(temp)) {
            assertThat(siblings).as("no temporary file is left behind").containsExactly(store.file());
        }
    }

    @Test
    void recentLocationsAreNewestFirstWithoutRepeatsAndCapped() {
        Settings settings = Settings.defaults();
        for (int i = 0; i < 12; i++) {
            settings = settings.withRecentLocation("/data/" + i);
        }
        settings = settings.withRecentLocation("/data/5");

        // 13 additions of 12 distinct places, /data/5 last: it moves to the front, then 11..0 without 5, cut to 10.
        assertThat(settings.recentLocations()).containsExactly(
                "/data/5", "/data/11", "/data/10", "/data/9", "/data/8", "/data/7", "/data/6", "/data/4",
                "/data/3", "/data/2");
    }

    @Test
    void brokenJsonNamesTheFileTheLineAndTheReason() throws IOException {
        Path file = temp.resolve("settings.json");
        Files.writeString(file, "{\n  \"defaultTarget\" : \"local-cpu\",\n  \"recentLocations\" : [ \"/a\" \n}\n");

        assertThatThrownBy(() -> new SettingsStore(file).load())
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(file + ":4:")
                .hasMessageContaining("Unexpected close marker '}'");
    }

    @Test
    void anUnknownTargetListsTheValidOnes() throws IOException {
        Path file = temp.resolve("settings.json");
        Files.writeString(file, "{\n  \"defaultTarget\" : \"tpu\"\n}\n");

        assertThatThrownBy(() -> new SettingsStore(file).load())
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(file + ":2:")
                .hasMessageContaining("unknown training target 'tpu'; expected one of local-cpu, local-gpu");
    }

    @Test
    void anEmptyFileIsAnErrorNotTheDefaults() throws IOException {
        Path file = Files.writeString(temp.resolve("settings.json"), "");

        assertThatThrownBy(() -> new SettingsStore(file).load())
                .isInstanceOf(SettingsException.class)
                .hasMessage(file + ":1: the settings file is empty");
    }

    @Test
    void aBrokenFileIsMovedAsideNotLost() throws IOException {
        Path file = Files.writeString(temp.resolve("settings.json"), "{ broken");
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:15:30Z"), ZoneOffset.UTC);

        SettingsStore.Loaded loaded = new SettingsStore(file, clock).loadOrSetAside();

        Path aside = temp.resolve("settings.json.broken-20261126-101530");
        assertThat(loaded.settings()).isEqualTo(Settings.defaults());
        assertThat(loaded.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .startsWith(file + ":1:")
                .contains("moved to " + aside));
        assertThat(file).doesNotExist();
        assertThat(aside).hasContent("{ broken");
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws IOException {
        Path file = Files.writeString(temp.resolve("settings.json"),
                "{ \"recentLocations\" : [\"/x\"], \"theme\" : \"dark\" }");

        assertThat(new SettingsStore(file).load().recentLocations()).containsExactly("/x");
    }

    @Test
    void blankProjectMeansTheCredentialsDefault() {
        assertThat(new Settings("  ", " ", null, null)).isEqualTo(Settings.defaults());
        assertThat(Settings.defaults().withDefaultGcsProject(" p-1 ").defaultGcsProject()).isEqualTo("p-1");
        assertThat(List.of(TrainingTarget.values())).extracting(TrainingTarget::id).containsExactly("local-cpu", "local-gpu");
    }
}
