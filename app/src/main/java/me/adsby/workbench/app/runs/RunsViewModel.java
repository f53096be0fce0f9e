package me.adsby.workbench.app.runs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.storage.history.NoSuchRunException;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunPage;
import me.adsby.workbench.storage.history.RunQuery;
import me.adsby.workbench.storage.history.RunRecord;
import me.adsby.workbench.storage.history.RunRow;
import me.adsby.workbench.storage.history.RunSort;

/**
 * The runs table's state: the filters (experiment, status, text in the name), the order (sorted by the
 * history, not over a page in memory), and the rows loaded so far, page by page as the table scrolls. Told
 * which runs changed, it updates those rows in place where it can, and reloads what is loaded otherwise.
 * Used on the FX thread.
 */
public final class RunsViewModel {

    /** The experiment filter's choice that shows every experiment. */
    public static final String ALL_EXPERIMENTS = "All experiments";
    /** Runs fetched per request. */
    static final int PAGE_SIZE = 200;

    private final TaskExecutor tasks;
    private final RunHistory history;
    private final Notifications notifications;

    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> experiments = FXCollections.observableArrayList(ALL_EXPERIMENTS);
    private final StringProperty experiment = new SimpleStringProperty(ALL_EXPERIMENTS);
    private final ObjectProperty<StatusFilter> status = new SimpleObjectProperty<>(StatusFilter.ALL);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<RunSort> sort = new SimpleObjectProperty<>(RunSort.newestFirst());
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(true);
    /** Counts the queries; a page of an older query is dropped. */
    private long generation;

    public RunsViewModel(TaskExecutor tasks, RunHistory history, Notifications notifications) {
        this.tasks = tasks;
        this.history = history;
        this.notifications = notifications;
        experiment.addListener((property, old, now) -> reload());
        status.addListener((property, old, now) -> reload());
        text.addListener((property, old, now) -> reload());
        sort.addListener((property, old, now) -> reload());
    }

    /** The query of the table's first page, as the filters and the order say. */
    public RunQuery query() {
        String chosen = experiment.get();
        StatusFilter filter = status.get();
        return RunQuery.firstPage(PAGE_SIZE)
                .withExperiment(chosen == null || chosen.isBlank() || ALL_EXPERIMENTS.equals(chosen) ? null : chosen)
                .withStatuses(filter == null ? Set.of() : filter.statuses())
                .withText(text.get())
                .withSort(sort.get() == null ? RunSort.newestFirst() : sort.get());
    }

    /** Loads the first page again, from the top (after a filter or the order changed). */
    public void reload() {
        load(PAGE_SIZE);
    }

    /** Loads again as many rows as are loaded now (at least a page), keeping the table where it is. */
    public void refresh() {
        load(Math.min(RunQuery.MAX_LIMIT, Math.max(PAGE_SIZE, rows.size())));
    }

    private void load(int count) {
        long asked = ++generation;
        RunQuery query = query().withPage(0, count);
        loading.set(true);
        tasks.submit(BackgroundTask.of("Loading runs", (progress, cancel) ->
                        new Loaded(history.runs(query), history.experiments())).quiet()
                .onSuccess(loaded -> {
                    if (asked != generation) {
                        return;
                    }
                    rows.setAll(loaded.page().rows());
                    pageLoaded(loaded.page());
                    List<String> names = new ArrayList<>();
                    names.add(ALL_EXPERIMENTS);
                    names.addAll(loaded.experiments());
                    if (!names.equals(experiments)) {
                        String shown = experiment.get();
                        experiments.setAll(names);
                        // A combo box forgets its value when its items are replaced; the filter stays.
                        experiment.set(names.contains(shown) ? shown : ALL_EXPERIMENTS);
                    }
                })
                .onFailure(this::failed));
    }

    /** Fetches the next page, if there is one and nothing is being fetched. */
    public void loadMore() {
        if (complete.get() || loading.get()) {
            return;
        }
        long asked = generation;
        RunQuery query = query().withPage(rows.size(), PAGE_SIZE);
        loading.set(true);
        tasks.submit(BackgroundTask.of("Loading more runs", (progress, cancel) -> history.runs(query)).quiet()
                .onSuccess(page -> {
                    if (asked != generation) {
                        return;
                    }
                    if (page.offset() == rows.size()) {
                        rows.addAll(page.rows());
                    }
                    pageLoaded(page);
                })
                .onFailure(this::failed));
    }

    /**
     * Follows changes of runs: rows loaded are read again in place when the order cannot move them (by creation
     * or name); a run not loaded (a new one), or an order by status or metric, reloads what is loaded.
     */
    public void runsChanged(Collection<String> runIds) {
        if (runIds.isEmpty()) {
            return;
        }
        RunSort.By by = sort.get() == null ? RunSort.By.CREATED : sort.get().by();
        boolean stable = by == RunSort.By.CREATED || by == RunSort.By.NAME;
        if (!stable || loading.get() || !indexOfIds().keySet().containsAll(runIds)) {
            refresh();
            return;
        }
        List<String> ids = List.copyOf(runIds);
        long asked = generation;
        tasks.submit(BackgroundTask.of("Reading runs", (progress, cancel) -> {
            Map<String, Optional<RunRow>> read = new HashMap<>();
            for (String id : ids) {
                read.put(id, readRow(id));
            }
            return read;
        }).quiet().onSuccess(read -> {
            if (asked != generation) {
                return;
            }
            StatusFilter filter = status.get();
            for (Map.Entry<String, Optional<RunRow>> entry : read.entrySet()) {
                Integer index = indexOfIds().get(entry.getKey());
                if (index == null) {
                    continue;
                }
                Optional<RunRow> row = entry.getValue();
                boolean shown = row.isPresent() && (filter == null || filter.statuses().isEmpty()
                        || filter.statuses().contains(row.get().run().status()));
                if (shown) {
                    rows.set(index, row.get());
                } else {
                    rows.remove((int) index);
                    total.set(Math.max(0, total.get() - 1));
                }
            }
        }).onFailure(this::failed));
    }

    private Optional<RunRow> readRow(String id) {
        try {
            RunRecord record = history.record(id);
            return Optional.of(new RunRow(record.run(), record.params(), record.finalMetrics(), record.best()));
        } catch (NoSuchRunException deleted) {
            return Optional.empty();
        }
    }

    private Map<String, Integer> indexOfIds() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.get(i).run().id(), i);
        }
        return index;
    }

    private void pageLoaded(RunPage page) {
        total.set(page.total());
        complete.set(!page.hasMore());
        loading.set(false);
    }

    private void failed(Throwable failure) {
        loading.set(false);
        notifications.error("Cannot read the runs", failure);
    }

    /** The index of the run in the loaded rows, or -1. */
    public int indexOf(String runId) {
        return indexOfIds().getOrDefault(runId, -1);
    }

    public ObservableList<RunRow> rows() {
        return rows;
    }

    /** {@link #ALL_EXPERIMENTS}, then the history's experiments by name. */
    public ObservableList<String> experiments() {
        return experiments;
    }

    public StringProperty experimentProperty() {
        return experiment;
    }

    public ObjectProperty<StatusFilter> statusProperty() {
        return status;
    }

    /** Text that the names of the runs shown contain (ignoring case); set it debounced. */
    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<RunSort> sortProperty() {
        return sort;
    }

    /** How many runs match the filters in all. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** False while more pages remain to be fetched. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** A one-line summary: how many runs are loaded of how many match. */
    public StringBinding summary() {
        return Bindings.createStringBinding(() -> {
            long all = total.get();
            String runs = all == 1 ? " run" : " runs";
            return complete.get() ? all + runs : rows.size() + " of " + all + runs + " loaded; more load as you scroll";
        }, rows, total, complete);
    }

    /** What the table shows when it has no rows. */
    public StringBinding emptyText() {
        return Bindings.createStringBinding(() -> {
            if (loading.get()) {
                return "Loading…";
            }
            RunQuery query = query();
            boolean filtered = query.experiment() != null || !query.statuses().isEmpty() || query.text() != null;
            return filtered ? "No run matches these filters." : "No runs yet. Start one with New run (Ctrl+N).";
        }, loading, experiment, status, text);
    }

    private record Loaded(RunPage page, List<String> experiments) {
    }
}
