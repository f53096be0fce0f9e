package me.adsby.workbench.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.adsby.workbench.app.notify.Notification;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.SameThreadTaskExecutor;
import me.adsby.workbench.storage.settings.Settings;
import me.adsby.workbench.storage.settings.SettingsStore;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsTest {

    @TempDir
    Path temp;

    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();

    @Test
    void theDialogsFieldsAreSavedOnApply() throws IOException {
        SettingsStore store = new SettingsStore(temp.resolve("settings.json"));
        UserSettings settings = new UserSettings(Settings.defaults().withRecentLocation("/a").withRecentLocation("/b"),
                store, tasks, new Notifications(temp.resolve("log")));
        SettingsViewModel dialog = new SettingsViewModel(settings);

        dialog.reset();
        assertThat(dialog.recentLocations()).containsExactly("/b", "/a");
        dialog.gcsProjectProperty().set("ads-research");
        dialog.targetProperty().set(TrainingTarget.LOCAL_GPU);
        dialog.forgetRecentLocations();
        dialog.apply();

        Settings expected = new Settings("ads-research", null, TrainingTarget.LOCAL_GPU, java.util.List.of());
        assertThat(settings.current()).isEqualTo(expected);
        assertThat(store.load()).isEqualTo(expected);
    }

    @Test
    void anUnchangedUpdateWritesNothing() {
        SettingsStore store = new SettingsStore(temp.resolve("settings.json"));
        UserSettings settings = new UserSettings(Settings.defaults(), store, tasks, new Notifications(temp));

        settings.update(current -> current.withDefaultTarget(TrainingTarget.LOCAL_CPU));

        assertThat(tasks.titles()).isEmpty();
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void aFailedSaveIsReportedAndTheChangeStaysInUse() throws IOException {
        Path blocker = Files.writeString(temp.resolve("not-a-folder"), "x");
        SettingsStore store = new SettingsStore(blocker.resolve("settings.json"));
        Notifications notifications = new Notifications(temp.resolve("workbench.log"));
        UserSettings settings = new UserSettings(Settings.defaults(), store, tasks, notifications);

        settings.update(current -> current.withDefaultGcsProject("p"));

        assertThat(settings.current().defaultGcsProject()).isEqualTo("p");
        assertThat(notifications.shown()).extracting(Notification::title).containsExactly("Settings not saved");
    }
}
