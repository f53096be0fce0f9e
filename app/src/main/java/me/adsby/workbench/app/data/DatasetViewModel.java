package me.adsby.workbench.app.data;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.app.task.TaskHandle;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.check.Preview;
import me.adsby.workbench.storage.dataset.check.PreviewRow;
import me.adsby.workbench.storage.dataset.check.ValidationReport;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.StatisticsOptions;
import me.adsby.workbench.storage.work.Failures;

/**
 * The CSV open in the Data screen: its inferred (or overridden) schema, the first rows with bad ones marked,
 * its statistics, and a full validation on request. Every read runs in the background; statistics and
 * validation show in the status bar with progress and Cancel. Used on the FX thread.
 */
public final class DatasetViewModel {

    /** Rows shown in the preview. */
    public static final int PREVIEW_ROWS = 1000;
    /** Images probed for the statistics of a dataset in GCS (a range read each). */
    static final int REMOTE_IMAGE_SAMPLE = 200;
    /** Images probed for the statistics of a local dataset: all up to this many, beyond it an even sample. */
    static final int LOCAL_IMAGE_SAMPLE = 5_000;

    private final TaskExecutor tasks;
    private final StoreFinder stores;
    private final DatasetImagesAccess images;
    private final Notifications notifications;

    private final ReadOnlyObjectWrapper<BlobUri> csv = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Schema> schema = new ReadOnlyObjectWrapper<>();
    private final ObservableList<PreviewRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DatasetStatistics> statistics = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ValidationReport> validation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PreviewRow> selectedRow = new SimpleObjectProperty<>();
    private TaskHandle reading;
    private TaskHandle computing;

    public DatasetViewModel(TaskExecutor tasks, StoreFinder stores, DatasetImagesAccess images,
            Notifications notifications) {
        this.tasks = tasks;
        this.stores = stores;
        this.images = images;
        this.notifications = notifications;
    }

    /** Opens a CSV: infers its schema, shows its first rows, then computes its statistics. */
    public void open(BlobUri target) {
        clear();
        csv.set(target);
        read(target, null);
    }

    /** Reads the preview and the statistics again with a schema the user edited. */
    public void applySchema(Schema edited) {
        BlobUri target = csv.get();
        if (target != null) {
            read(target, edited);
        }
    }

    private void read(BlobUri target, Schema given) {
        cancelRunning();
        loading.set(true);
        problem.set("");
        reading = tasks.submit(BackgroundTask.of("Reading " + target.name(), (progress, cancel) -> {
            BlobStore store = stores.forUri(target);
            Schema used = given != null ? given : Datasets.inferSchema(store, target);
            cancel.throwIfCancelled();
            return Datasets.preview(store, target, used, PREVIEW_ROWS);
        }).onSuccess(preview -> {
            if (target.equals(csv.get())) {
                showPreview(preview);
                computeStatistics(target, preview.schema());
            }
        }).onFailure(failure -> {
            loading.set(false);
            problem.set(Failures.describe(failure));
            notifications.error("Cannot read " + target.name(), failure);
        }).onCancelled(() -> loading.set(false)));
    }

    private void showPreview(Preview preview) {
        loading.set(false);
        schema.set(preview.schema());
        rows.setAll(preview.rows());
        long bad = preview.rows().stream().filter(PreviewRow::bad).count();
        StringBuilder note = new StringBuilder();
        note.append(preview.truncated() ? "The first " + preview.rows().size() + " rows" : preview.rows().size() + " rows");
        note.append(bad == 0 ? ", none bad." : ", " + bad + (bad == 1 ? " bad row marked." : " bad rows marked."));
        RowProblem stop = preview.stop();
        if (stop != null) {
            note.append(" Reading stopped at ").append(stop).append('.');
        }
        previewNote.set(note.toString());
        statistics.set(null);
        validation.set(null);
    }

    private void computeStatistics(BlobUri target, Schema used) {
        computing = tasks.submit(BackgroundTask.of("Statistics of " + target.name(), (progress, cancel) -> {
            BlobStore store = stores.forUri(target);
            StatisticsOptions options = StatisticsOptions.defaults();
            if (used.image().isPresent()) {
                options = options.withImageProbe(images.probe(target), target.isGcs() ? REMOTE_IMAGE_SAMPLE : LOCAL_IMAGE_SAMPLE);
            }
            return Datasets.statistics(store, target, used, options, progress, cancel);
        }).onSuccess(computed -> {
            if (target.equals(csv.get())) {
                statistics.set(computed);
            }
        }).onFailure(failure -> {
            problem.set("Statistics failed: " + Failures.describe(failure));
            notifications.error("Statistics of " + target.name() + " failed", failure);
        }));
    }

    /** Reads the whole file and lists every bad row. */
    public void validate() {
        BlobUri target = csv.get();
        Schema used = schema.get();
        if (target == null || used == null) {
            return;
        }
        tasks.submit(BackgroundTask.of("Validating " + target.name(),
                        (progress, cancel) -> Datasets.validate(stores.forUri(target), target, used, progress, cancel))
                .onSuccess(report -> {
                    if (target.equals(csv.get())) {
                        validation.set(report);
                    }
                }));
    }

    /** Closes the CSV. */
    public void clear() {
        cancelRunning();
        csv.set(null);
        schema.set(null);
        rows.clear();
        previewNote.set("");
        statistics.set(null);
        validation.set(null);
        problem.set("");
        loading.set(false);
        selectedRow.set(null);
    }

    private void cancelRunning() {
        if (reading != null) {
            reading.cancel();
        }
        if (computing != null) {
            computing.cancel();
        }
    }

    /** The image reference of a row, or null when the schema has no image column or the row has none. */
    public String imageOf(PreviewRow row) {
        Schema used = schema.get();
        if (row == null || used == null || used.image().isEmpty()) {
            return null;
        }
        int index = used.image().get().index();
        return index < row.text().size() && !row.text().get(index).isBlank() ? row.text().get(index) : null;
    }

    /** The rows that have an image, in file order: the gallery's items. */
    public List<PreviewRow> rowsWithImages() {
        return rows.stream().filter(row -> imageOf(row) != null).toList();
    }

    public DatasetImagesAccess images() {
        return images;
    }

    public ReadOnlyObjectProperty<BlobUri> csvProperty() {
        return csv.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Schema> schemaProperty() {
        return schema.getReadOnlyProperty();
    }

    public ObservableList<PreviewRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty previewNoteProperty() {
        return previewNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DatasetStatistics> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ValidationReport> validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The row selected in the table or the gallery. */
    public ObjectProperty<PreviewRow> selectedRowProperty() {
        return selectedRow;
    }
}
