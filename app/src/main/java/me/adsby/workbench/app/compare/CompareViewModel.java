package me.adsby.workbench.app.compare;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.app.task.TaskHandle;
import me.adsby.workbench.engine.compare.ComparedRun;
import me.adsby.workbench.engine.compare.ComparisonCsv;
import me.adsby.workbench.engine.compare.ComparisonRequest;
import me.adsby.workbench.engine.compare.ComparisonSource;
import me.adsby.workbench.engine.compare.EpochChoice;
import me.adsby.workbench.engine.compare.RunComparer;
import me.adsby.workbench.engine.compare.RunComparison;
import me.adsby.workbench.engine.compare.SliceMetrics;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.history.Evaluation;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunQuery;
import me.adsby.workbench.storage.history.RunStatus;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * The Compare screen's state: the runs compared, the baseline, which predictions (validation or an evaluation
 * dataset every run was scored on) and which epoch, and the comparison with its charts. Every comparison,
 * chart and export runs off the FX thread; a newer request cancels an older one still running.
 */
public final class CompareViewModel {

    /** The most runs an experiment adds at once (its newest finished ones). */
    public static final int MAX_RUNS = 50;
    /** Offered as the source of predictions before any dataset: the runs' validation splits. */
    public static final String VALIDATION = "Validation split";

    private static final int PNG_WIDTH = 1200;
    private static final int PNG_HEIGHT = 800;

    /** The charts of a comparison, built off the FX thread. */
    public record Charts(JFreeChart epochs, JFreeChart roc, JFreeChart precisionRecall, JFreeChart calibration) {
    }

    private record Outcome(RunComparison comparison, Charts charts) {
    }

    private final TaskExecutor tasks;
    private final RunHistory history;
    private final RunComparer comparer;
    private final Notifications notifications;

    private final ObservableList<String> runIds = FXCollections.observableArrayList();
    private final ObservableList<String> sources = FXCollections.observableArrayList(VALIDATION);
    private final ObservableList<String> experiments = FXCollections.observableArrayList();
    private final ObservableList<String> sliceColumns = FXCollections.observableArrayList();
    private final ObjectProperty<String> baseline = new SimpleObjectProperty<>();
    private final ObjectProperty<String> source = new SimpleObjectProperty<>(VALIDATION);
    private final ObjectProperty<EpochChoice> epoch = new SimpleObjectProperty<>(EpochChoice.BEST);
    private final ObjectProperty<String> epochMetric = new SimpleObjectProperty<>("val_auc");
    private final ObjectProperty<String> sliceColumn = new SimpleObjectProperty<>();
    private final ObjectProperty<Metric> sliceMetric = new SimpleObjectProperty<>(Metric.AUC);
    private final BooleanProperty differencesOnly = new SimpleBooleanProperty();
    private final BooleanProperty transposed = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ComparisonGrid> grid = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Charts> charts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<JFreeChart> sliceChart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Select two or more runs in the Runs screen and press Compare, or add an experiment's runs here.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private TaskHandle running;
    private TaskHandle slicing;
    private boolean adjusting;

    public CompareViewModel(TaskExecutor tasks, RunHistory history, BlobStores stores, Notifications notifications) {
        this.tasks = tasks;
        this.history = history;
        this.comparer = new RunComparer(history, stores);
        this.notifications = notifications;
        differencesOnly.addListener((property, old, now) -> regrid());
        transposed.addListener((property, old, now) -> regrid());
        baseline.addListener((property, old, now) -> settingChanged());
        source.addListener((property, old, now) -> settingChanged());
        epoch.addListener((property, old, now) -> settingChanged());
        epochMetric.addListener((property, old, now) -> rebuildEpochChart());
        sliceColumn.addListener((property, old, now) -> rebuildSlices());
        sliceMetric.addListener((property, old, now) -> rebuildSlices());
    }

    /** Compares these runs (the first is the baseline) on their validation predictions, best epoch. */
    public void compare(List<String> ids) {
        adjusting = true;
        try {
            runIds.setAll(new LinkedHashSet<>(ids));
            baseline.set(runIds.isEmpty() ? null : runIds.get(0));
            source.set(VALIDATION);
            sources.setAll(VALIDATION);
        } finally {
            adjusting = false;
        }
        loadSources();
        run();
    }

    /** Compares the newest finished runs of an experiment (at most {@value #MAX_RUNS}). */
    public void compareExperiment(String experiment) {
        tasks.submit(BackgroundTask.of("Finding the runs of " + experiment, (progress, cancel) ->
                        history.runs(RunQuery.firstPage(MAX_RUNS).withExperiment(experiment)
                                .withStatuses(Set.of(RunStatus.SUCCEEDED))).rows().stream()
                                .map(row -> row.run().id()).toList())
                .onSuccess(ids -> {
                    if (ids.size() < 2) {
                        status.set("The experiment " + experiment + " has " + ids.size()
                                + " finished run(s); a comparison needs two or more.");
                    } else {
                        compare(ids);
                    }
                }));
    }

    /** Reads the experiments for the experiment picker. */
    public void loadExperiments() {
        tasks.submit(BackgroundTask.of("Reading experiments", (progress, cancel) -> history.experiments())
                .onSuccess(experiments::setAll).quiet());
    }

    /** Runs the comparison again with the current settings. */
    public void refresh() {
        run();
    }

    private void settingChanged() {
        if (!adjusting && runIds.size() >= 2) {
            run();
        }
    }

    /** The datasets every compared run has an evaluation of, offered beside the validation split. */
    private void loadSources() {
        List<String> ids = List.copyOf(runIds);
        tasks.submit(BackgroundTask.of("Reading evaluations", (progress, cancel) -> {
            Set<String> common = null;
            for (String id : ids) {
                Set<String> datasets = new LinkedHashSet<>();
                for (Evaluation evaluation : history.record(id).evaluations()) {
                    if (evaluation.predictionsUri() != null) {
                        datasets.add(evaluation.datasetUri());
                    }
                }
                if (common == null) {
                    common = datasets;
                } else {
                    common.retainAll(datasets);
                }
            }
            List<String> offered = new ArrayList<>(List.of(VALIDATION));
            if (common != null) {
                offered.addAll(common);
            }
            return offered;
        }).onSuccess(offered -> {
            adjusting = true;
            try {
                String chosen = source.get();
                sources.setAll(offered);
                source.set(offered.contains(chosen) ? chosen : VALIDATION);
            } finally {
                adjusting = false;
            }
        }).quiet());
    }

    private void run() {
        if (runIds.size() < 2) {
            status.set("A comparison needs two or more runs.");
            return;
        }
        if (running != null) {
            running.cancel();
        }
        ComparisonRequest request = ComparisonRequest.of(List.copyOf(runIds))
                .withBaseline(runIds.contains(baseline.get()) ? baseline.get() : runIds.get(0))
                .withSource(VALIDATION.equals(source.get()) || source.get() == null ? ComparisonSource.VALIDATION
                        : ComparisonSource.evaluation(source.get()))
                .withEpoch(epoch.get());
        String key = epochMetric.get();
        busy.set(true);
        status.set("Comparing " + runIds.size() + " runs on " + request.source().describe() + "…");
        running = tasks.submit(BackgroundTask.of("Comparing " + runIds.size() + " runs", (progress, cancel) -> {
            RunComparison result = comparer.compare(request, progress, cancel);
            Map<String, String> names = RunNames.of(result.runs());
            Charts built = new Charts(CompareCharts.epochs(result.runs(), names, key),
                    CompareCharts.roc(result.runs(), names), CompareCharts.precisionRecall(result.runs(), names),
                    CompareCharts.calibration(result.runs(), names));
            return new Outcome(result, built);
        }).onSuccess(done -> {
            busy.set(false);
            RunComparison result = done.comparison();
            comparison.set(result);
            charts.set(done.charts());
            regrid();
            status.set(CompareStatus.of(result));
            List<String> columns = result.baseline().predictions().sliceColumns();
            sliceColumns.setAll(columns);
            if (sliceColumn.get() == null || !columns.contains(sliceColumn.get())) {
                sliceColumn.set(columns.isEmpty() ? null : columns.get(0));
            } else {
                rebuildSlices();
            }
        }).onFailure(failure -> {
            busy.set(false);
            status.set("The comparison failed: " + failure.getMessage());
            notifications.error("Compare failed", failure);
        }).onCancelled(() -> busy.set(false)));
    }

    private void regrid() {
        RunComparison current = comparison.get();
        if (current == null) {
            grid.set(null);
            return;
        }
        ComparisonGrid built = ComparisonGrid.of(current, differencesOnly.get());
        grid.set(transposed.get() ? built.transposed() : built);
    }

    private void rebuildEpochChart() {
        RunComparison current = comparison.get();
        Charts shown = charts.get();
        if (current == null || shown == null) {
            return;
        }
        String key = epochMetric.get();
        tasks.submit(BackgroundTask.of("Drawing " + key, (progress, cancel) ->
                        CompareCharts.epochs(current.runs(), RunNames.of(current.runs()), key))
                .onSuccess(chart -> charts.set(new Charts(chart, shown.roc(), shown.precisionRecall(),
                        shown.calibration()))).quiet());
    }

    private void rebuildSlices() {
        RunComparison current = comparison.get();
        String column = sliceColumn.get();
        Metric metric = sliceMetric.get();
        if (current == null || column == null || metric == null) {
            sliceChart.set(null);
            return;
        }
        if (slicing != null) {
            slicing.cancel();
        }
        slicing = tasks.submit(BackgroundTask.of("Metrics per " + column, (progress, cancel) -> {
            Map<String, List<SliceMetrics.Slice>> byRun = new TreeMap<>();
            int done = 0;
            for (ComparedRun run : current.runs()) {
                progress.report(done++, current.runs().size(), "Slices of " + run.name());
                if (run.predictions().sliceColumns().contains(column)) {
                    byRun.put(run.id(), SliceMetrics.of(run.predictions(), column, metric, current.request().bootstrap(),
                            current.request().threshold(), cancel));
                }
            }
            return CompareCharts.slices(current.runs(), RunNames.of(current.runs()), byRun, column, metric.key());
        }).onSuccess(sliceChart::set));
    }

    /**
     * Writes the comparison as CSV, one record per metric and run with every number in its own column
     * ({@link ComparisonCsv}).
     */
    public void exportTable(Path target) {
        RunComparison shown = comparison.get();
        if (shown == null) {
            return;
        }
        tasks.submit(BackgroundTask.of("Saving " + target.getFileName(), (progress, cancel) -> {
            Files.writeString(target, ComparisonCsv.of(shown), StandardCharsets.UTF_8);
            return target;
        }).onSuccess(saved -> notifications.info("Table saved", saved.toString())));
    }

    /** Writes a chart as a PNG of {@value #PNG_WIDTH} x {@value #PNG_HEIGHT} pixels. */
    public void exportChart(JFreeChart chart, Path target) {
        if (chart == null) {
            return;
        }
        tasks.submit(BackgroundTask.of("Saving " + target.getFileName(), (progress, cancel) -> {
            ChartUtils.saveChartAsPNG(target.toFile(), chart, PNG_WIDTH, PNG_HEIGHT);
            return target;
        }).onSuccess(saved -> notifications.info("Chart saved", saved.toString())));
    }

    public ObservableList<String> runIds() {
        return runIds;
    }

    public ObservableList<String> sources() {
        return sources;
    }

    public ObservableList<String> experiments() {
        return experiments;
    }

    public ObservableList<String> sliceColumns() {
        return sliceColumns;
    }

    public ObjectProperty<String> baselineProperty() {
        return baseline;
    }

    public ObjectProperty<String> sourceProperty() {
        return source;
    }

    public ObjectProperty<EpochChoice> epochProperty() {
        return epoch;
    }

    public ObjectProperty<String> epochMetricProperty() {
        return epochMetric;
    }

    public ObjectProperty<String> sliceColumnProperty() {
        return sliceColumn;
    }

    public ObjectProperty<Metric> sliceMetricProperty() {
        return sliceMetric;
    }

    public BooleanProperty differencesOnlyProperty() {
        return differencesOnly;
    }

    public BooleanProperty transposedProperty() {
        return transposed;
    }

    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ComparisonGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Charts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<JFreeChart> sliceChartProperty() {
        return sliceChart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The run ids and their display names, for the baseline picker. */
    public Map<String, String> names() {
        RunComparison current = comparison.get();
        return current == null ? Map.of() : RunNames.of(current.runs());
    }
}
