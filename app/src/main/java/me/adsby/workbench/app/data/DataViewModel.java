package me.adsby.workbench.app.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.app.settings.UserSettings;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.app.task.TaskHandle;
import me.adsby.workbench.storage.files.FolderEntry;
import me.adsby.workbench.storage.files.LocalFolderListing;
import me.adsby.workbench.storage.work.Failures;

/**
 * The Data screen's state: which folder is shown, its entries, and whether it is loading or failed. Listing
 * runs in the background; opening another folder cancels a listing still running. Used on the FX thread.
 */
public final class DataViewModel {

    private final TaskExecutor tasks;
    private final UserSettings settings;

    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ObservableList<FolderEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private TaskHandle listing;

    public DataViewModel(TaskExecutor tasks, UserSettings settings) {
        this.tasks = tasks;
        this.settings = settings;
    }

    /** Lists the folder and shows it; remembers it among the recent locations once listed. */
    public void open(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (listing != null) {
            listing.cancel();
        }
        loading.set(true);
        problem.set("");
        listing = tasks.submit(BackgroundTask.of("Listing " + absolute,
                        (progress, cancel) -> LocalFolderListing.list(absolute, cancel))
                .quiet()
                .onSuccess(listed -> shown(absolute, listed))
                .onFailure(this::failed)
                .onCancelled(() -> { }));
    }

    /** Opens what the user typed: an absolute path or a {@code file:} URI. */
    public void openTyped(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return;
        }
        if (typed.startsWith("gs://")) {
            problem.set("This build opens local folders only; " + typed + " is in Google Cloud Storage.");
            return;
        }
        try {
            Path path = typed.startsWith("file:") ? Path.of(URI.create(typed)) : Path.of(typed);
            if (!path.isAbsolute()) {
                problem.set("Type an absolute path: " + typed + " is relative.");
                return;
            }
            open(path);
        } catch (IllegalArgumentException e) {  // also InvalidPathException
            problem.set("Not a folder path: " + typed + " (" + e.getMessage() + ")");
        }
    }

    /** Opens the folder an entry names; files are not opened here. */
    public void openEntry(FolderEntry entry) {
        if (entry != null && entry.folder()) {
            open(entry.path());
        }
    }

    public void up() {
        Path current = folder.get();
        if (current != null && current.getParent() != null) {
            open(current.getParent());
        }
    }

    /** Says something about the screen's content (e.g. that the demo dataset is being written). */
    public void showNotice(String text) {
        notice.set(text == null ? "" : text);
    }

    private void shown(Path listed, List<FolderEntry> result) {
        loading.set(false);
        folder.set(listed);
        entries.setAll(result);
        notice.set("");
        settings.update(current -> current.withRecentLocation(listed.toString()));
    }

    private void failed(Throwable failure) {
        loading.set(false);
        problem.set(Failures.describe(failure));
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ObservableList<FolderEntry> entries() {
        return entries;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last open failed, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** What the table shows when it has no rows. */
    public StringBinding emptyText() {
        return Bindings.createStringBinding(() -> {
            if (!notice.get().isEmpty()) {
                return notice.get();
            }
            if (loading.get()) {
                return "Loading…";
            }
            if (!problem.get().isEmpty()) {
                return "";
            }
            return folder.get() == null ? "Choose a folder to browse." : "This folder is empty.";
        }, notice, loading, problem, folder);
    }

    /** A one-line summary of the folder: how many folders and files, and their total size. */
    public StringBinding summary() {
        return Bindings.createStringBinding(() -> {
            long folders = entries.stream().filter(FolderEntry::folder).count();
            long files = entries.size() - folders;
            long bytes = entries.stream().filter(e -> !e.folder() && e.size() > 0).mapToLong(FolderEntry::size).sum();
            return folders + (folders == 1 ? " folder, " : " folders, ")
                    + files + (files == 1 ? " file" : " files") + " (" + Sizes.human(bytes) + ")";
        }, entries);
    }

    /** Recent locations from the settings, newest first. */
    public List<String> recentLocations() {
        return settings.current().recentLocations();
    }
}
