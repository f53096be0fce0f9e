package me.adsby.workbench.storage.history;

import static me.adsby.workbench.storage.history.HistoryFixtures.newRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five runs, one a minute, with expectations worked out by hand:
 *
 * <pre>
 * run  name               experiment  status     final auc
 * r1   baseline lr 0.01   ctr         SUCCEEDED  0.80
 * r2   wide and deep      ctr         FAILED     0.75
 * r3   Baseline lr 0.1    images      RUNNING    0.85
 * r4   image only         images      QUEUED     -
 * r5   100%_sure          ctr         CANCELLED  0.70
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPagesTest {

    RunHistory history;
    String r1;
    String r2;
    String r3;
    String r4;
    String r5;

    @BeforeAll
    void fill(@TempDir Path home) {
        TestClock clock = new TestClock("2026-11-26T09:00:00Z");
        history = RunHistory.open(home.resolve("history"), clock);
        r1 = add(clock, "baseline lr 0.01", "ctr", 0.80, RunStatus.STARTING, RunStatus.RUNNING, RunStatus.SUCCEEDED);
        r2 = add(clock, "wide and deep", "ctr", 0.75, RunStatus.STARTING, RunStatus.FAILED);
        r3 = add(clock, "Baseline lr 0.1", "images", 0.85, RunStatus.STARTING, RunStatus.RUNNING);
        r4 = add(clock, "image only", "images", null);
        r5 = add(clock, "100%_sure", "ctr", 0.70, RunStatus.CANCELLED);
    }

    private String add(TestClock clock, String name, String experiment, Double auc, RunStatus... moves) {
        Run run = history.createRun(newRun(name, experiment, Map.of("lr", name.endsWith("0.1") ? "0.1" : "0.01")));
        RunStatus at = RunStatus.QUEUED;
        for (RunStatus next : moves) {
            history.transition(run.id(), at, next);
            at = next;
        }
        if (auc != null) {
            Instant t = clock.instant();
            history.addMetrics(run.id(), List.of(new MetricPoint("auc", 0, 0, 0.5, t), new MetricPoint("auc", 1, 1, auc, t),
                    new MetricPoint("loss", 1, 1, 0.3, t)));
        }
        clock.advance(Duration.ofMinutes(1));
        return run.id();
    }

    @AfterAll
    void close() {
        history.close();
    }

    private List<String> ids(RunQuery query) {
        return history.runs(query).rows().stream().map(row -> row.run().id()).toList();
    }

    @Test
    void theDefaultIsNewestFirst() {
        RunPage page = history.runs(RunQuery.firstPage(50));

        assertThat(page.rows()).extracting(row -> row.run().id()).containsExactly(r5, r4, r3, r2, r1);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void aPageInTheMiddleKnowsTheTotal() {
        RunPage page = history.runs(RunQuery.firstPage(50).withPage(1, 2));

        assertThat(page.rows()).extracting(row -> row.run().id()).containsExactly(r4, r3);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void rowsCarryParamsAndFinalMetrics() {
        RunRow row = history.runs(RunQuery.firstPage(50)).rows().get(4);

        assertThat(row.run().id()).isEqualTo(r1);
        assertThat(row.run().experiment()).isEqualTo("ctr");
        assertThat(row.params()).isEqualTo(Map.of("lr", "0.01"));
        // auc went 0.5 (step 0) then 0.80 (step 1): the final value is 0.80.
        assertThat(row.finalMetrics()).isEqualTo(Map.of("auc", 0.80, "loss", 0.3));
        assertThat(history.runs(RunQuery.firstPage(50)).rows().get(1).finalMetrics()).isEmpty();
    }

    @Test
    void filtersNarrowAndCombine() {
        assertThat(ids(RunQuery.firstPage(50).withExperiment("ctr"))).containsExactly(r5, r2, r1);
        assertThat(ids(RunQuery.firstPage(50).withStatuses(Set.of(RunStatus.SUCCEEDED, RunStatus.FAILED))))
                .containsExactly(r2, r1);
        assertThat(ids(RunQuery.firstPage(50).withText("BASELINE"))).containsExactly(r3, r1);
        assertThat(ids(RunQuery.firstPage(50).withExperiment("images").withText("baseline"))).containsExactly(r3);
        assertThat(history.runs(RunQuery.firstPage(50).withExperiment("nope")).total()).isZero();
    }

    @Test
    void wildcardsInTheTextAreTakenLiterally() {
        // Unescaped, '%_' would match every name of one character or more.
        assertThat(ids(RunQuery.firstPage(50).withText("%_"))).containsExactly(r5);
    }

    @Test
    void sortsByNameIgnoringCaseAndByStatusInLifecycleOrder() {
        // "100%_sure" < "baseline lr 0.01" < "baseline lr 0.1" < "image only" < "wide and deep"
        assertThat(ids(RunQuery.firstPage(50).withSort(RunSort.by(RunSort.By.NAME, false)))).containsExactly(r5, r1, r3, r4, r2);
        // QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED
        assertThat(ids(RunQuery.firstPage(50).withSort(RunSort.by(RunSort.By.STATUS, false)))).containsExactly(r4, r3, r1, r2, r5);
        assertThat(ids(RunQuery.firstPage(50).withSort(RunSort.by(RunSort.By.CREATED, false)))).containsExactly(r1, r2, r3, r4, r5);
    }

    @Test
    void sortsByAFinalMetricWithRunsWithoutItLast() {
        // auc: r3 0.85, r1 0.80, r2 0.75, r5 0.70, r4 none.
        assertThat(ids(RunQuery.firstPage(50).withSort(RunSort.finalMetric("auc", true)))).containsExactly(r3, r1, r2, r5, r4);
        assertThat(ids(RunQuery.firstPage(50).withSort(RunSort.finalMetric("auc", false)))).containsExactly(r5, r2, r1, r3, r4);
        assertThat(ids(RunQuery.firstPage(2).withExperiment("ctr").withSort(RunSort.finalMetric("auc", true))))
                .containsExactly(r1, r2);
    }
}
