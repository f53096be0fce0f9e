package me.adsby.workbench.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.settings.UserSettings;
import me.adsby.workbench.app.task.SameThreadTaskExecutor;
import me.adsby.workbench.storage.files.FolderEntry;
import me.adsby.workbench.storage.settings.Settings;
import me.adsby.workbench.storage.settings.SettingsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataViewModelTest {

    @TempDir
    Path temp;

    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private UserSettings settings;
    private DataViewModel model;

    @BeforeEach
    void setUp() {
        SettingsStore store = new SettingsStore(temp.resolve("settings.json"));
        settings = new UserSettings(Settings.defaults(), store, tasks, new Notifications(temp.resolve("log")));
        model = new DataViewModel(tasks, settings);
    }

    @Test
    void openingAFolderListsItAndRemembersIt() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.createDirectory(data.resolve("images"));
        Files.writeString(data.resolve("ads.csv"), "ad_id,clicked\n1,0\n");

        model.open(data);

        assertThat(model.folderProperty().get()).isEqualTo(data);
        assertThat(model.entries()).extracting(FolderEntry::name).containsExactly("images", "ads.csv");
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.problemProperty().get()).isEmpty();
        // "ad_id,clicked\n1,0\n" is 18 bytes.
        assertThat(model.summary().get()).isEqualTo("1 folder, 1 file (18 bytes)");
        assertThat(settings.current().recentLocations()).containsExactly(data.toString());
        assertThat(new SettingsStore(temp.resolve("settings.json")).load().recentLocations())
                .as("saved to disk").containsExactly(data.toString());
    }

    @Test
    void aMissingFolderShowsWhyAndKeepsWhatWasShown() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        model.open(data);

        model.open(temp.resolve("gone"));

        assertThat(model.problemProperty().get()).isEqualTo(temp.resolve("gone") + ": no such folder");
        assertThat(model.folderProperty().get()).isEqualTo(data);
        assertThat(settings.current().recentLocations()).containsExactly(data.toString());
    }

    @Test
    void typedLocationsAreCheckedBeforeTheyAreOpened() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));

        model.openTyped("relative/folder");
        assertThat(model.problemProperty().get()).isEqualTo("Type an absolute path: relative/folder is relative.");

        model.openTyped("gs://ads-bucket/2026");
        assertThat(model.problemProperty().get()).contains("local folders only").contains("gs://ads-bucket/2026");

        model.openTyped(data.toUri().toString());
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.folderProperty().get()).isEqualTo(data);
        assertThat(tasks.titles()).as("the bad locations started no listing")
                .containsExactly("Listing " + data, "Saving settings");
    }

    @Test
    void upAndEnterNavigateFolders() throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path images = Files.createDirectory(data.resolve("images"));
        model.open(data);

        model.openEntry(model.entries().get(0));
        assertThat(model.folderProperty().get()).isEqualTo(images);

        model.up();
        assertThat(model.folderProperty().get()).isEqualTo(data);
        assertThat(settings.current().recentLocations()).containsExactly(data.toString(), images.toString());
    }

    @Test
    void emptyTextSaysWhatIsGoingOn() throws IOException {
        assertThat(model.emptyText().get()).isEqualTo("Choose a folder to browse.");

        model.showNotice("Writing the demo dataset…");
        assertThat(model.emptyText().get()).isEqualTo("Writing the demo dataset…");

        model.open(Files.createDirectories(temp.resolve("empty")));
        assertThat(model.emptyText().get()).isEqualTo("This folder is empty.");
    }
}
