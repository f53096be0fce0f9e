package me.adsby.workbench.app.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
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
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.settings.UserSettings;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.app.task.TaskHandle;
import me.adsby.workbench.storage.blob.BlobPage;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.work.Failures;

/**
 * The browser's state: the folder shown (local or {@code gs://}), its entries page by page, the breadcrumbs,
 * and whether it is loading or failed. Pages are fetched in the background as the table scrolls, so a bucket
 * of a million objects costs one page at a time. Used on the FX thread.
 */
public final class BrowserViewModel {

    /** Entries fetched per request; GCS's largest page. */
    static final int PAGE_SIZE = BlobStore.DEFAULT_PAGE_SIZE;

    private static final Comparator<BrowserEntry> BY_NAME = Comparator.comparing(BrowserEntry::name);

    private final TaskExecutor tasks;
    private final StoreFinder stores;
    private final UserSettings settings;
    private final Consumer<BlobUri> openCsv;
    private final Notifications notifications;

    private final ReadOnlyObjectWrapper<BlobUri> folder = new ReadOnlyObjectWrapper<>();
    private final ObservableList<BrowserEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<BlobUri> breadcrumbs = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private String nextPageToken;
    private TaskHandle listing;

    /** @param openCsv called when the user opens a CSV table */
    public BrowserViewModel(TaskExecutor tasks, StoreFinder stores, UserSettings settings, Notifications notifications,
            Consumer<BlobUri> openCsv) {
        this.tasks = tasks;
        this.stores = stores;
        this.settings = settings;
        this.notifications = notifications;
        this.openCsv = openCsv;
    }

    /** Shows a folder: lists its first page, and remembers it among the recent locations once listed. */
    public void open(BlobUri target) {
        // Local folders without a trailing slash, GCS prefixes with one: one spelling per place.
        BlobUri shownFolder = target.isGcs() ? target.asFolder() : BlobUri.local(target.toPath());
        if (listing != null) {
            listing.cancel();
        }
        problem.set("");
        loading.set(true);
        listing = tasks.submit(BackgroundTask.of("Listing " + shownFolder,
                        (progress, cancel) -> stores.forUri(shownFolder).list(shownFolder, "/", PAGE_SIZE, null))
                .onSuccess(page -> {
                    folder.set(shownFolder);
                    breadcrumbs.setAll(pathTo(shownFolder));
                    entries.clear();
                    notice.set("");
                    append(shownFolder, page);
                    settings.update(current -> current.withRecentLocation(shownFolder.toString()));
                })
                .onFailure(this::failed)
                .onCancelled(() -> { }));
    }

    /** Fetches the next page, if there is one and none is being fetched. */
    public void loadMore() {
        BlobUri shownFolder = folder.get();
        String token = nextPageToken;
        if (shownFolder == null || token == null || loading.get()) {
            return;
        }
        loading.set(true);
        listing = tasks.submit(BackgroundTask.of("Listing " + shownFolder,
                        (progress, cancel) -> stores.forUri(shownFolder).list(shownFolder, "/", PAGE_SIZE, token))
                .onSuccess(page -> {
                    if (shownFolder.equals(folder.get())) {
                        append(shownFolder, page);
                    }
                })
                .onFailure(this::failed)
                .onCancelled(() -> loading.set(false)));
    }

    /** Opens what the user typed: {@code gs://bucket/prefix}, an absolute path or a {@code file:} URI. */
    public void openTyped(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return;
        }
        BlobUri target;
        try {
            target = BlobUri.parse(typed);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        if (target.path().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            open(target.parent());
            openCsv.accept(target);
        } else {
            open(target);
        }
    }

    /** Opens a folder entry, or a CSV in the dataset view; other files are only listed. */
    public void openEntry(BrowserEntry entry) {
        if (entry == null) {
            return;
        }
        if (entry.folder()) {
            open(entry.uri());
        } else if (entry.isCsv()) {
            openCsv.accept(entry.uri());
        }
    }

    public void up() {
        BlobUri current = folder.get();
        if (current != null && current.parent() != null) {
            open(current.parent());
        }
    }

    /** Says something about the browser's content (e.g. that the demo dataset is being written). */
    public void showNotice(String text) {
        notice.set(text == null ? "" : text);
    }

    private void append(BlobUri shownFolder, BlobPage page) {
        List<BrowserEntry> rows = new ArrayList<>(page.folders().size() + page.objects().size());
        page.folders().stream().filter(f -> !f.equals(shownFolder)).map(BrowserEntry::folder).forEach(rows::add);
        page.objects().stream()
                .filter(info -> !info.uri().equals(shownFolder))  // a GCS "folder" placeholder object
                .map(BrowserEntry::object)
                .forEach(rows::add);
        rows.sort(BY_NAME);
        entries.addAll(rows);
        nextPageToken = page.nextPageToken();
        complete.set(nextPageToken == null);
        loading.set(false);
    }

    private void failed(Throwable failure) {
        loading.set(false);
        problem.set(Failures.describe(failure));
        notifications.error("Listing failed", failure);
    }

    /** The folders from the root (a bucket, or the file system's root) down to the folder. */
    static List<BlobUri> pathTo(BlobUri shownFolder) {
        List<BlobUri> path = new ArrayList<>();
        for (BlobUri at = shownFolder; at != null; at = at.parent()) {
            path.add(0, at);
        }
        return path;
    }

    public ReadOnlyObjectProperty<BlobUri> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ObservableList<BrowserEntry> entries() {
        return entries;
    }

    public ObservableList<BlobUri> breadcrumbs() {
        return breadcrumbs;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** False while more pages remain to be fetched. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
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
            return folder.get() == null ? "Choose a folder or a bucket to browse." : "This folder is empty.";
        }, notice, loading, problem, folder);
    }

    /** A one-line summary: how many folders and files are listed, and whether more remain. */
    public StringBinding summary() {
        return Bindings.createStringBinding(() -> {
            long folders = entries.stream().filter(BrowserEntry::folder).count();
            long files = entries.size() - folders;
            long bytes = entries.stream().filter(e -> !e.folder() && e.size() > 0).mapToLong(BrowserEntry::size).sum();
            String counted = folders + (folders == 1 ? " folder, " : " folders, ")
                    + files + (files == 1 ? " file" : " files") + " (" + Sizes.human(bytes) + ")";
            return complete.get() ? counted : counted + " so far; more load as you scroll";
        }, entries, complete);
    }

    /** Recent locations from the settings, newest first. */
    public List<String> recentLocations() {
        return settings.current().recentLocations();
    }
}
