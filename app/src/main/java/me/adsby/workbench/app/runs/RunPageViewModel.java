package me.adsby.workbench.app.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.engine.run.RunEvents;
import me.adsby.workbench.engine.run.RunManager;
import me.adsby.workbench.engine.run.RunProgress;
import me.adsby.workbench.storage.history.Artifact;
import me.adsby.workbench.storage.history.MetricSeries;
import me.adsby.workbench.storage.history.NoSuchRunException;
import me.adsby.workbench.storage.history.Provenance;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunRecord;
import me.adsby.workbench.storage.history.RunStatus;

/**
 * The run page's state for the run selected: its status and progress with an estimate of the time left, its
 * epoch metrics, parameters and provenance, artifacts, error and the end of its worker log, and which actions
 * its status allows. Everything is read in the background; a change while a read runs reads once more after
 * it. Used on the FX thread.
 */
public final class RunPageViewModel {

    /** Lines of the worker log shown. */
    static final int LOG_LINES = 40;
    /** The metric keys the charts draw. */
    static final List<String> CHART_KEYS = List.of("train_loss", "val_loss", "val_auc", "val_accuracy");

    private final TaskExecutor tasks;
    private final RunManager manager;
    private final Notifications notifications;
    private final Clock clock;

    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<RunRecord> record = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper log = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<MetricSeries>> series = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<KeyValue> details = FXCollections.observableArrayList();
    private final ObservableList<Artifact> artifacts = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canDelete = new ReadOnlyBooleanWrapper();
    private boolean reading;
    private boolean readAgain;

    public RunPageViewModel(TaskExecutor tasks, RunManager manager, Notifications notifications, Clock clock) {
        this.tasks = tasks;
        this.manager = manager;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Shows a run, or nothing for null. */
    public void show(String id) {
        if (id != null && id.equals(runId.get())) {
            return;
        }
        runId.set(id);
        clear();
        refresh();
    }

    /** Reads the run shown again (after it changed). */
    public void refresh() {
        String id = runId.get();
        if (id == null) {
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        tasks.submit(BackgroundTask.of("Reading run " + id, (progressListener, cancel) -> read(id)).quiet()
                .onSuccess(snapshot -> {
                    readDone();
                    if (id.equals(runId.get())) {
                        apply(snapshot);
                    }
                })
                .onFailure(failure -> {
                    readDone();
                    if (failure instanceof NoSuchRunException && id.equals(runId.get())) {
                        runId.set(null);
                        clear();
                    } else if (id.equals(runId.get())) {
                        notifications.error("Cannot read run " + id, failure);
                    }
                }));
    }

    /** Whether the run shown is queued, starting or running (and so changes by itself). */
    public boolean isActive() {
        RunRecord shown = record.get();
        return shown != null && !shown.run().status().isStopped();
    }

    private void readDone() {
        reading = false;
        if (readAgain) {
            readAgain = false;
            refresh();
        }
    }

    private Snapshot read(String id) throws java.io.IOException {
        RunRecord read = manager.history().record(id);
        List<MetricSeries> points = manager.history().series(List.of(id), chartKeys());
        List<String> tail = LogLines.readable(manager.logTail(id, 10 * LOG_LINES), LOG_LINES);
        return new Snapshot(read, manager.progress(id), points, tail, GroupLines.of(manager.history(), read));
    }

    private static List<String> chartKeys() {
        List<String> keys = new ArrayList<>(CHART_KEYS);
        Arrays.stream(RunEvents.EPOCH_METRICS).filter(key -> !keys.contains(key)).forEach(keys::add);
        return keys;
    }

    private void apply(Snapshot snapshot) {
        RunRecord read = snapshot.record();
        Run run = read.run();
        record.set(read);
        title.set(run.name());
        RunStatus status = run.status();
        int epochs = intParam(read.params(), "epochs");
        double fraction = status == RunStatus.SUCCEEDED ? 1 : snapshot.progress().fraction(Math.max(1, epochs));
        if (status.isStopped() && status != RunStatus.SUCCEEDED) {
            fraction = Math.max(0, fraction);
        }
        progress.set(status == RunStatus.QUEUED ? 0 : fraction);
        statusText.set(statusLine(run, epochs));
        progressText.set(progressLine(run, snapshot.progress(), epochs, fraction));
        error.set(run.error() == null || status == RunStatus.SUCCEEDED ? "" : run.error());
        series.set(List.copyOf(snapshot.series()));
        List<KeyValue> lines = details(read);
        lines.addAll(snapshot.group());
        details.setAll(lines);
        artifacts.setAll(read.artifacts());
        log.set(String.join("\n", snapshot.log()));
        canCancel.set(!status.isStopped());
        canResume.set(status == RunStatus.FAILED || status == RunStatus.INTERRUPTED || status == RunStatus.CANCELLED);
        canDelete.set(status.isStopped());
    }

    private String statusLine(Run run, int epochs) {
        StringBuilder line = new StringBuilder(title(run.status()));
        line.append(" · ").append(run.target().displayName());
        if (run.recipe() != null) {
            line.append(" · ").append(run.recipe());
        }
        if (epochs > 0) {
            line.append(" · ").append(epochs).append(epochs == 1 ? " epoch" : " epochs");
        }
        return line.toString();
    }

    private String progressLine(Run run, RunProgress now, int epochs, double fraction) {
        RunStatus status = run.status();
        if (status == RunStatus.QUEUED) {
            return "Waiting for a free worker";
        }
        if (status == RunStatus.STARTING) {
            return "Starting the worker";
        }
        Instant started = run.started();
        if (status.isStopped()) {
            String took = started == null || run.finished() == null ? ""
                    : " after " + Durations.human(Duration.between(started, run.finished()));
            String reached = now.epoch() > 0 ? ", epoch " + now.epoch() + " of " + epochs : "";
            return title(status) + took + reached;
        }
        if (!"train".equals(now.phase()) || now.epoch() == 0) {
            String prepared = now.prepareDone() >= 0 ? String.format(Locale.ROOT, " (%.0f%%)", now.prepareDone() * 100)
                    : "";
            return now.epoch() == 0 && "train".equals(now.phase()) ? "Training epoch 1 of " + epochs
                    : "Preparing the data" + prepared;
        }
        String line = "Epoch " + now.epoch() + " of " + epochs + " done";
        if (started != null && fraction > 0 && fraction < 1) {
            Duration elapsed = Duration.between(started, clock.instant());
            long leftMillis = (long) (elapsed.toMillis() * (1 - fraction) / fraction);
            line += ", about " + Durations.human(Duration.ofMillis(leftMillis)) + " left";
        }
        return line;
    }

    private static List<KeyValue> details(RunRecord read) {
        List<KeyValue> lines = new ArrayList<>();
        Run run = read.run();
        lines.add(new KeyValue("Run id", run.id()));
        lines.add(new KeyValue("Experiment", run.experiment()));
        lines.add(new KeyValue("Created", Durations.timestamp(run.created())));
        if (run.started() != null) {
            lines.add(new KeyValue("Started", Durations.timestamp(run.started())));
        }
        if (run.finished() != null) {
            lines.add(new KeyValue("Finished", Durations.timestamp(run.finished())));
        }
        lines.add(new KeyValue("Run directory", run.runDirectory()));
        read.params().forEach((key, value) -> lines.add(new KeyValue(key, value)));
        read.best().ifPresent(best -> {
            lines.add(new KeyValue("Best epoch", best.epoch() + " (the exported model)"));
            best.metrics().forEach((key, value) -> lines.add(new KeyValue("best " + key,
                    String.format(Locale.ROOT, "%.4f", value))));
        });
        read.finalMetrics().forEach((key, value) -> lines.add(new KeyValue("last epoch " + key,
                String.format(Locale.ROOT, "%.4f", value))));
        read.tags().forEach((key, value) -> lines.add(new KeyValue("tag " + key, value)));
        read.provenance().ifPresent(provenance -> addProvenance(lines, provenance));
        return lines;
    }

    private static void addProvenance(List<KeyValue> lines, Provenance provenance) {
        lines.add(new KeyValue("Dataset", provenance.datasetUri()));
        provenance.objectVersions().forEach((uri, version) -> lines.add(new KeyValue("Version of " + uri, version)));
        add(lines, "Content hash", provenance.contentHash());
        add(lines, "Workbench", provenance.workbenchVersion());
        add(lines, "TensorFlow", provenance.tensorflowVersion());
        add(lines, "Seed", provenance.seed() == null ? null : provenance.seed().toString());
        add(lines, "Host", provenance.host());
        add(lines, "Hardware", provenance.hardware());
    }

    private static void add(List<KeyValue> lines, String key, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(new KeyValue(key, value));
        }
    }

    private static int intParam(Map<String, String> params, String key) {
        try {
            return Integer.parseInt(params.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String title(RunStatus status) {
        String name = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private void clear() {
        record.set(null);
        title.set("");
        statusText.set("");
        progress.set(0);
        progressText.set("");
        error.set("");
        log.set("");
        series.set(List.of());
        details.clear();
        artifacts.clear();
        canCancel.set(false);
        canResume.set(false);
        canDelete.set(false);
    }

    /** Asks the run to stop. */
    public void cancel() {
        act("Cancelling", "Cannot cancel run", manager::cancel, id -> { });
    }

    /** Queues a failed or interrupted run again. */
    public void resume() {
        act("Resuming", "Cannot resume run", manager::resume, id -> { });
    }

    /** Deletes the run shown and its files; ask the user first. */
    public void delete() {
        act("Deleting", "Cannot delete run", manager::delete, id -> {
            if (id.equals(runId.get())) {
                runId.set(null);
                clear();
            }
        });
    }

    private void act(String verb, String failureTitle, RunAction action, Consumer<String> done) {
        String id = runId.get();
        if (id == null) {
            return;
        }
        tasks.submit(BackgroundTask.of(verb + " run " + id, (progressListener, cancel) -> {
            action.apply(id);
            return id;
        }).onSuccess(acted -> {
            done.accept(acted);
            refresh();
        }).onFailure(failure -> {
            notifications.error(failureTitle + " " + id, failure);
            refresh();
        }));
    }

    @FunctionalInterface
    private interface RunAction {
        void apply(String runId) throws java.io.IOException;
    }

    /** The id of the run shown, or null. */
    public ReadOnlyStringProperty runIdProperty() {
        return runId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunRecord> recordProperty() {
        return record.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The share of the run done, in [0, 1]; -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Why a failed or interrupted run stopped; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The last {@value #LOG_LINES} lines of the worker's log. */
    public ReadOnlyStringProperty logProperty() {
        return log.getReadOnlyProperty();
    }

    /** The epoch metrics: train and validation loss, validation AUC and accuracy, throughput. */
    public ReadOnlyObjectProperty<List<MetricSeries>> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    public ObservableList<KeyValue> details() {
        return details;
    }

    public ObservableList<Artifact> artifacts() {
        return artifacts;
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canDeleteProperty() {
        return canDelete.getReadOnlyProperty();
    }

    private record Snapshot(RunRecord record, RunProgress progress, List<MetricSeries> series, List<String> log,
            List<KeyValue> group) {
    }
}
