package me.adsby.workbench.app.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import me.adsby.workbench.storage.dataset.schema.SchemaInEffect;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.StatisticsOptions;
import me.adsby.workbench.storage.image.ImageProbe;
import me.adsby.workbench.storage.work.Failures;

/**
 * The CSV open in the Data screen: its schema in effect (saved, else inferred from every row; applied edits
 * are saved), the first rows with bad ones marked, its statistics, and a full validation on request. Every
 * read runs in the background; statistics and validation show in the status bar with progress and Cancel.
 * Used on the FX thread.
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
    private final SchemaStore schemas;

    private final ReadOnlyObjectWrapper<BlobUri> csv = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Schema> schema = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper schemaOrigin = new ReadOnlyStringWrapper("");
    private final ObservableList<String> schemaProblems = FXCollections.observableArrayList();
    private final ObservableList<PreviewRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DatasetStatistics> statistics = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ValidationReport> validation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObjectProperty<PreviewRow> selectedRow = new SimpleObjectProperty<>();
    private TaskHandle reading;
    private TaskHandle computing;

    /** @param schemas where the schemas applied on the Schema tab are saved, and read back as the ones in effect */
    public DatasetViewModel(TaskExecutor tasks, StoreFinder stores, DatasetImagesAccess images,
            Notifications notifications, SchemaStore schemas) {
        this.tasks = tasks;
        this.schemas = schemas;
        this.stores = stores;
        this.images = images;
        this.notifications = notifications;
    }

    /** Opens a CSV: finds its schema in effect (saved, else inferred), shows its first rows, then its statistics. */
    public void open(BlobUri target) {
        clear();
        csv.set(target);
        read(target, null);
    }

    /**
     * Saves a schema the user edited as the dataset's (in the background), then reads the preview and the
     * statistics again with it.
     */
    public void applySchema(Schema edited) {
        BlobUri target = csv.get();
        if (target == null) {
            return;
        }
        cancelRunning();
        loading.set(true);
        reading = tasks.submit(BackgroundTask.of("Saving the schema of " + target.name(), (progress, cancel) ->
                        schemas.save(stores.forUri(target), target, edited)
                ).onSuccess(saved -> {
                    if (target.equals(csv.get())) {
                        read(target, edited);
                    }
                }).onFailure(failure -> {
                    loading.set(false);
                    problem.set("The schema was not saved: " + Failures.describe(failure));
                    notifications.error("Cannot save the schema of " + target.name(), failure);
                }).onCancelled(() -> loading.set(false)));
    }

    private void read(BlobUri target, Schema given) {
        cancelRunning();
        loading.set(true);
        problem.set("");
        reading = tasks.submit(BackgroundTask.of("Reading " + target.name(), (progress, cancel) -> {
            BlobStore store = stores.forUri(target);
            SchemaInEffect inEffect = given != null
                    ? new SchemaInEffect(target.toString(), given, SchemaInEffect.Origin.SAVED, schemas.fileFor(target),
                            -1, List.of(), List.of())
                    : schemas.effective(store, target, progress, cancel);
            cancel.throwIfCancelled();
            return new Opened(inEffect, Datasets.preview(store, target, inEffect.schema(), PREVIEW_ROWS));
        }).onSuccess(opened -> {
            if (target.equals(csv.get())) {
                showSchema(opened.inEffect());
                showPreview(opened.preview());
                computeStatistics(target, opened.preview().schema());
            }
        }).onFailure(failure -> {
            loading.set(false);
            problem.set(Failures.describe(failure));
            notifications.error("Cannot read " + target.name(), failure);
        }).onCancelled(() -> loading.set(false)));
    }

    private void showSchema(SchemaInEffect inEffect) {
        String origin = inEffect.saved() ? "Saved schema (" + inEffect.savedFile() + ")."
                : String.format(Locale.ROOT, "Inferred from all %,d rows; apply to save it.", inEffect.rowsRead());
        List<String> lines = new ArrayList<>(inEffect.notes());
        inEffect.problems().forEach(found -> lines.add(found.toString()));
        schemaOrigin.set(origin);
        schemaProblems.setAll(lines);
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
        tasks.submit(BackgroundTask.of("Validating " + target.name(), (progress, cancel) -> {
            // Each good row's image is checked as training would read it (DatasetImages' rule).
            ImageProbe probe = used.image().isPresent() ? images.probe(target) : null;
            return Datasets.validate(stores.forUri(target), target, used, probe, progress, cancel);
        })
                .onSuccess(report -> {
                    if (target.equals(csv.get())) {
                        validation.set(report);
                    }
                }));
    }

    /**
     * Selects the row that starts on a line (a problem's), when the rows shown hold it.
     *
     * @return whether they do
     */
    public boolean selectLine(long line) {
        for (PreviewRow row : rows) {
            if (row.line() == line) {
                selectedRow.set(row);
                return true;
            }
        }
        return false;
    }

    /** Closes the CSV. */
    public void clear() {
        cancelRunning();
        csv.set(null);
        schema.set(null);
        schemaOrigin.set("");
        schemaProblems.clear();
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

    /** Where the schema comes from: saved (and where), or inferred from how many rows. */
    public ReadOnlyStringProperty schemaOriginProperty() {
        return schemaOrigin.getReadOnlyProperty();
    }

    /** What is wrong with the schema or the data it was inferred from ({@code file:line: reason}), and notes. */
    public ObservableList<String> schemaProblems() {
        return schemaProblems;
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

    /** What a read hands back to the FX thread. */
    private record Opened(SchemaInEffect inEffect, Preview preview) {
    }

    /** The row selected in the table or the gallery. */
    public ObjectProperty<PreviewRow> selectedRowProperty() {
        return selectedRow;
    }
}
