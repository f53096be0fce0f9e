package me.adsby.workbench.app.settings;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.storage.settings.Settings;
import me.adsby.workbench.storage.settings.SettingsStore;

/**
 * The settings in use, observable on the FX thread. Each change is saved in the background; each save
 * reads the newest settings under a lock while it writes, so the last save always leaves the newest on disk.
 */
public final class UserSettings {

    private final ReadOnlyObjectWrapper<Settings> current;
    private final AtomicReference<Settings> newest;
    private final SettingsStore store;
    private final TaskExecutor tasks;
    private final Notifications notifications;

    public UserSettings(Settings initial, SettingsStore store, TaskExecutor tasks, Notifications notifications) {
        this.current = new ReadOnlyObjectWrapper<>(initial);
        this.newest = new AtomicReference<>(initial);
        this.store = store;
        this.tasks = tasks;
        this.notifications = notifications;
    }

    public ReadOnlyObjectProperty<Settings> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Settings current() {
        return current.get();
    }

    /** Changes the settings and saves them. Call on the FX thread. */
    public void update(UnaryOperator<Settings> change) {
        Settings changed = change.apply(current.get());
        if (changed.equals(current.get())) {
            return;
        }
        current.set(changed);
        newest.set(changed);
        tasks.submit(BackgroundTask.of("Saving settings", (progress, cancel) -> {
            synchronized (newest) {
                store.save(newest.get());
            }
            return null;
        }).quiet().onFailure(failure -> notifications.error("Settings not saved", failure)));
    }
}
