package me.adsby.workbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.SameThreadTaskExecutor;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunQuery;
import me.adsby.workbench.storage.history.RunRow;
import me.adsby.workbench.storage.history.RunSort;
import me.adsby.workbench.storage.history.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsViewModelTest {

    @TempDir
    Path temp;

    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final Notifications notifications = new Notifications(Path.of("workbench.log"));
    private RunsFixture runs;
    private RunsViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        runs = new RunsFixture(temp);
        model = new RunsViewModel(tasks, runs.history, notifications);
    }

    @AfterEach
    void tearDown() throws Exception {
        runs.close();
        assertThat(tasks.unhandled()).isEmpty();
        assertThat(notifications.shown()).isEmpty();
    }

    @Test
    void filtersAndSortsGoIntoTheHistorysQuery() {
        Run alpha = runs.run("alpha tabular", "ctr-2026", Map.of("epochs", "3", "learning_rate", "0.003"));
        Run beta = runs.run("Beta image", "ctr-2026", Map.of());
        Run gamma = runs.run("gamma tabular", "Default", Map.of());
        runs.moveTo(alpha.id(), RunStatus.SUCCEEDED, null);
        runs.moveTo(beta.id(), RunStatus.FAILED, "out of memory");
        runs.epoch(alpha.id(), 1, 0.6, 0.62, 0.71);
        runs.epoch(gamma.id(), 1, 0.6, 0.61, 0.66);

        model.reload();
        // Newest first by default.
        assertThat(names()).containsExactly("gamma tabular", "Beta image", "alpha tabular");
        assertThat(model.experiments()).containsExactly(RunsViewModel.ALL_EXPERIMENTS, "Default", "ctr-2026");
        assertThat(model.rows().get(2).params()).containsEntry("epochs", "3");
        assertThat(model.rows().get(2).finalMetrics()).containsEntry("val_auc", 0.71);

        model.experimentProperty().set("ctr-2026");
        assertThat(model.query().experiment()).isEqualTo("ctr-2026");
        assertThat(names()).containsExactly("Beta image", "alpha tabular");

        model.statusProperty().set(StatusFilter.STOPPED_UNFINISHED);
        assertThat(model.query().statuses()).containsExactlyInAnyOrder(RunStatus.FAILED, RunStatus.INTERRUPTED);
        assertThat(names()).containsExactly("Beta image");

        model.experimentProperty().set(RunsViewModel.ALL_EXPERIMENTS);
        model.statusProperty().set(StatusFilter.ALL);
        model.textProperty().set("TABULAR");
        assertThat(model.query().experiment()).isNull();
        assertThat(names()).containsExactly("gamma tabular", "alpha tabular");

        model.textProperty().set("");
        model.sortProperty().set(RunSort.by(RunSort.By.NAME, false));
        assertThat(names()).containsExactly("alpha tabular", "Beta image", "gamma tabular");
        model.sortProperty().set(RunSort.finalMetric("val_auc", true));
        // Runs without the metric come last in either direction.
        assertThat(names()).containsExactly("alpha tabular", "gamma tabular", "Beta image");
        model.sortProperty().set(RunSort.by(RunSort.By.STATUS, false));
        assertThat(names()).containsExactly("gamma tabular", "alpha tabular", "Beta image");

        model.textProperty().set("no such run");
        assertThat(model.rows()).isEmpty();
        assertThat(model.emptyText().get()).isEqualTo("No run matches these filters.");
    }

    @Test
    void pagesAreAppendedAsTheTableAsks() {
        for (int i = 0; i < 450; i++) {
            runs.run(String.format("run %03d", i), null, Map.of());
        }
        model.reload();
        assertThat(model.rows()).hasSize(RunsViewModel.PAGE_SIZE);
        assertThat(model.totalProperty().get()).isEqualTo(450);
        assertThat(model.completeProperty().get()).isFalse();
        assertThat(model.summary().get()).isEqualTo("200 of 450 runs loaded; more load as you scroll");

        model.loadMore();
        model.loadMore();
        model.loadMore();  // past the end: nothing more to fetch

        assertThat(model.rows()).hasSize(450);
        // The pages together are the order of one query over all of them: no run twice, none left out.
        assertThat(model.rows().stream().map(row -> row.run().id()).toList()).isEqualTo(runs.history
                .runs(RunQuery.firstPage(450)).rows().stream().map(row -> row.run().id()).toList());
        assertThat(model.completeProperty().get()).isTrue();
        assertThat(model.summary().get()).isEqualTo("450 runs");
    }

    @Test
    void changedRunsAreReadAgainInPlaceAndNewOnesReloadThePage() {
        Run first = runs.run("first", null, Map.of());
        Run second = runs.run("second", null, Map.of());
        model.reload();
        int titlesBefore = tasks.titles().size();

        runs.moveTo(first.id(), RunStatus.RUNNING, null);
        runs.epoch(first.id(), 1, 0.5, 0.55, 0.7);
        model.runsChanged(Set.of(first.id()));

        assertThat(tasks.titles().subList(titlesBefore, tasks.titles().size())).containsExactly("Reading runs");
        RunRow updated = model.rows().get(model.indexOf(first.id()));
        assertThat(updated.run().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(updated.finalMetrics()).containsEntry("val_auc", 0.7);

        Run third = runs.run("third", null, Map.of());
        model.runsChanged(Set.of(third.id()));
        assertThat(names()).containsExactly("third", "second", "first");

        // A run that leaves the status filter leaves the table; a deleted run too.
        model.statusProperty().set(new StatusFilter("Active", EnumSet.of(RunStatus.QUEUED, RunStatus.RUNNING)));
        runs.moveTo(second.id(), RunStatus.CANCELLED, null);
        runs.history.deleteRun(third.id());
        model.sortProperty().set(RunSort.by(RunSort.By.CREATED, true));
        model.runsChanged(Set.of(second.id(), third.id()));
        assertThat(names()).containsExactly("first");
        assertThat(model.totalProperty().get()).isEqualTo(1);
    }

    private java.util.List<String> names() {
        return model.rows().stream().map(row -> row.run().name()).toList();
    }
}
