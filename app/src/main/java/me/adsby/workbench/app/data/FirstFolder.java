package me.adsby.workbench.app.data;

import java.nio.file.Files;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.engine.demo.DemoDatasetGenerator;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.Settings;

/**
 * Chooses what the Data screen shows at start: on a new home (no demo folder, no recent locations) it first
 * writes the demo dataset to {@code <home>/demo}; otherwise the most recent location (a bucket, or a local
 * folder that still exists), else the demo folder, else the home.
 */
public final class FirstFolder {

    private final WorkbenchHome home;
    private final TaskExecutor tasks;
    private final BrowserViewModel data;
    private final Notifications notifications;

    public FirstFolder(WorkbenchHome home, TaskExecutor tasks, BrowserViewModel data, Notifications notifications) {
        this.home = home;
        this.tasks = tasks;
        this.data = data;
        this.notifications = notifications;
    }

    /** Call on the FX thread once the window shows. */
    public void open(Settings settings) {
        tasks.submit(BackgroundTask.of("Opening the last location", (progress, cancel) -> choose(settings))
                .quiet()
                .onSuccess(choice -> {
                    if (choice == null) {
                        writeDemo();
                    } else {
                        data.open(choice);
                    }
                }));
    }

    /** The folder to open, or null when the demo dataset should be written first. Touches the disk. */
    private BlobUri choose(Settings settings) {
        if (!Files.exists(home.demo()) && settings.recentLocations().isEmpty()) {
            return null;
        }
        for (String location : settings.recentLocations()) {
            try {
                BlobUri uri = BlobUri.parse(location);
                if (uri.isGcs() || Files.isDirectory(uri.toPath())) {
                    return uri;
                }
            } catch (IllegalArgumentException unparsable) {
                // An old or hand-edited entry; try the next one.
            }
        }
        return BlobUri.local(Files.isDirectory(home.demo()) ? home.demo() : home.root());
    }

    private void writeDemo() {
        data.showNotice("Writing the demo dataset to " + home.demo() + "…");
        DemoDatasetGenerator generator = new DemoDatasetGenerator(DemoDatasetGenerator.DEFAULT_ROWS,
                DemoDatasetGenerator.DEFAULT_SEED);
        tasks.submit(BackgroundTask.of("Writing the demo dataset",
                        (progress, cancel) -> generator.write(home.demo(), progress, cancel))
                .onSuccess(dataset -> {
                    data.open(BlobUri.local(dataset.directory()));
                    notifications.info("Demo dataset ready", dataset.rows() + " synthetic ads with banners in "
                            + dataset.directory() + ". Its README explains how the clicks were made.");
                })
                .onCancelled(() -> {
                    data.showNotice("");
                    data.open(BlobUri.local(home.root()));
                })
                .onFailure(failure -> {
                    data.showNotice("");
                    notifications.error("The demo dataset could not be written", failure);
                    data.open(BlobUri.local(home.root()));
                }));
    }
}
