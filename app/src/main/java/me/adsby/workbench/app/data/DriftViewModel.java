package me.adsby.workbench.app.data;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.drift.DriftReport;
import me.adsby.workbench.storage.dataset.drift.FeatureDrift;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.StatisticsOptions;
import me.adsby.workbench.storage.work.Failures;

/**
 * Drift between the open CSV (the base) and a candidate snapshot, as TFDV measures it: L-infinity distance
 * of categorical frequencies, Jensen–Shannon divergence of numeric histograms on shared bins. The candidate's
 * statistics are computed once; changing the threshold only re-flags. Used on the FX thread.
 */
public final class DriftViewModel {

    public static final double DEFAULT_THRESHOLD = 0.1;

    private final TaskExecutor tasks;
    private final StoreFinder stores;
    private final ReadOnlyObjectProperty<DatasetStatistics> base;
    private final DoubleProperty threshold = new SimpleDoubleProperty(DEFAULT_THRESHOLD);
    private final ReadOnlyObjectWrapper<DatasetStatistics> candidate = new ReadOnlyObjectWrapper<>();
    private final ObservableList<FeatureDrift> features = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public DriftViewModel(TaskExecutor tasks, StoreFinder stores, ReadOnlyObjectProperty<DatasetStatistics> base) {
        this.tasks = tasks;
        this.stores = stores;
        this.base = base;
        threshold.addListener((property, old, now) -> recompute());
        base.addListener((property, old, now) -> {
            if (now == null) {
                candidate.set(null);
            }
            recompute();
        });
    }

    /** Computes the candidate's statistics (typed as a URI), then compares. */
    public void compareWith(String typed) {
        problem.set("");
        BlobUri target;
        try {
            target = BlobUri.parse(typed == null ? "" : typed);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        tasks.submit(BackgroundTask.of("Statistics of " + target.name(), (progress, cancel) -> {
            BlobStore store = stores.forUri(target);
            return Datasets.statistics(store, target, Datasets.inferSchema(store, target),
                    StatisticsOptions.defaults(), progress, cancel);
        }).onSuccess(computed -> {
            candidate.set(computed);
            recompute();
        }).onFailure(failure -> problem.set(Failures.describe(failure))));
    }

    private void recompute() {
        DatasetStatistics baseStatistics = base.get();
        DatasetStatistics candidateStatistics = candidate.get();
        if (baseStatistics == null || candidateStatistics == null) {
            features.clear();
            summary.set(baseStatistics == null ? "The open dataset's statistics are not ready yet." : "");
            return;
        }
        DriftReport report = Datasets.compare(baseStatistics, candidateStatistics, threshold.get());
        features.setAll(report.features());
        int drifted = report.drifted().size();
        summary.set(drifted + " of " + report.features().size() + " features drifted beyond " + threshold.get()
                + (report.skipped().isEmpty() ? "." : "; not compared: " + String.join(", ", report.skipped()) + "."));
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public ObservableList<FeatureDrift> features() {
        return features;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DatasetStatistics> candidateProperty() {
        return candidate.getReadOnlyProperty();
    }
}
