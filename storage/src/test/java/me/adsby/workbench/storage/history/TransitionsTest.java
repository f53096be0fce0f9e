package me.adsby.workbench.storage.history;

import static me.adsby.workbench.storage.history.HistoryFixtures.newRun;
import static me.adsby.workbench.storage.history.RunStatus.CANCELLED;
import static me.adsby.workbench.storage.history.RunStatus.FAILED;
import static me.adsby.workbench.storage.history.RunStatus.INTERRUPTED;
import static me.adsby.workbench.storage.history.RunStatus.QUEUED;
import static me.adsby.workbench.storage.history.RunStatus.RUNNING;
import static me.adsby.workbench.storage.history.RunStatus.STARTING;
import static me.adsby.workbench.storage.history.RunStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransitionsTest {

    @TempDir
    Path home;

    TestClock clock = new TestClock("2026-11-26T10:15:30Z");
    RunHistory history;

    @BeforeEach
    void open() {
        history = RunHistory.open(home.resolve("history"), clock);
    }

    @AfterEach
    void close() {
        history.close();
    }

    @Test
    void aNewRunIsQueuedWithASortableId() {
        Run run = history.createRun(newRun("first"));

        assertThat(run.status()).isEqualTo(QUEUED);
        assertThat(run.id()).matches("r-20261126-101530-[0-9a-f]{4}");
        assertThat(run.experiment()).isEqualTo("Default");
        assertThat(history.run(run.id())).isEqualTo(run);
    }

    @Test
    void everyAllowedMoveIsStoredOnItsPath() {
        // Paths that together take each of the 12 allowed moves at least once.
        List<List<RunStatus>> paths = List.of(
                List.of(QUEUED, STARTING, RUNNING, SUCCEEDED),
                List.of(QUEUED, CANCELLED),
                List.of(QUEUED, STARTING, FAILED, QUEUED, STARTING, CANCELLED),
                List.of(QUEUED, STARTING, INTERRUPTED, QUEUED, STARTING, RUNNING, FAILED),
                List.of(QUEUED, STARTING, RUNNING, CANCELLED),
                List.of(QUEUED, STARTING, RUNNING, INTERRUPTED));
        for (List<RunStatus> path : paths) {
            Run run = history.createRun(newRun("path"));
            for (int i = 1; i < path.size(); i++) {
                assertThat(history.transition(run.id(), path.get(i - 1), path.get(i))).as(path + " step " + i).isTrue();
                assertThat(history.run(run.id()).status()).isEqualTo(path.get(i));
            }
        }
    }

    @Test
    void timesAndErrorsFollowTheMoves() {
        Run run = history.createRun(newRun("timed"));
        Instant created = clock.instant();
        clock.advance(Duration.ofSeconds(5));
        history.transition(run.id(), QUEUED, STARTING);
        clock.advance(Duration.ofSeconds(5));
        history.transition(run.id(), STARTING, RUNNING);
        clock.advance(Duration.ofSeconds(50));
        history.transition(run.id(), RUNNING, FAILED, "out of memory");

        // started = created + 10 s (entered RUNNING), finished = created + 60 s (entered FAILED).
        Run failed = history.run(run.id());
        assertThat(failed.created()).isEqualTo(created);
        assertThat(failed.started()).isEqualTo(created.plusSeconds(10));
        assertThat(failed.finished()).isEqualTo(created.plusSeconds(60));
        assertThat(failed.error()).isEqualTo("out of memory");

        // Resume: finished and error are cleared; started keeps the first start (created + 10 s).
        history.transition(run.id(), FAILED, QUEUED);
        history.transition(run.id(), QUEUED, STARTING);
        history.transition(run.id(), STARTING, RUNNING);
        Run resumed = history.run(run.id());
        assertThat(resumed.finished()).isNull();
        assertThat(resumed.error()).isNull();
        assertThat(resumed.started()).isEqualTo(created.plusSeconds(10));
    }

    @Test
    void refusedMovesNameTheRunAndBothStates() {
        Run run = history.createRun(newRun("refused"));
        history.transition(run.id(), QUEUED, STARTING);
        history.transition(run.id(), STARTING, RUNNING);
        history.transition(run.id(), RUNNING, SUCCEEDED);

        assertThatThrownBy(() -> history.transition(run.id(), SUCCEEDED, RUNNING))
                .isInstanceOf(IllegalRunTransitionException.class)
                .hasMessage("run " + run.id() + " cannot move from SUCCEEDED to RUNNING (SUCCEEDED is final)");
        assertThatThrownBy(() -> history.moveTo(run.id(), QUEUED, null))
                .isInstanceOf(IllegalRunTransitionException.class)
                .hasMessageContaining(run.id()).hasMessageContaining("SUCCEEDED").hasMessageContaining("QUEUED");
        assertThatThrownBy(() -> history.transition(run.id(), QUEUED, RUNNING))
                .hasMessage("run " + run.id() + " cannot move from QUEUED to RUNNING (allowed: [STARTING, CANCELLED])");
        // CANCELLED -> QUEUED is a resume, which the table allows; this run is not CANCELLED, so the move loses.
        assertThat(history.transition(run.id(), CANCELLED, QUEUED)).isFalse();
        assertThat(history.run(run.id()).status()).isEqualTo(SUCCEEDED);
    }

    @Test
    void aMoveFromAStateTheRunHasLeftLosesWithoutChangingIt() {
        Run run = history.createRun(newRun("raced"));
        assertThat(history.transition(run.id(), QUEUED, CANCELLED)).isTrue();

        assertThat(history.transition(run.id(), QUEUED, STARTING)).isFalse();
        assertThat(history.run(run.id()).status()).isEqualTo(CANCELLED);
    }

    @Test
    void ofTwoConcurrentWritersExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Run run = history.createRun(newRun("race " + round));
                CountDownLatch go = new CountDownLatch(1);
                List<Callable<Boolean>> writers = List.of(
                        () -> {
                            go.await();
                            return history.transition(run.id(), QUEUED, STARTING);
                        },
                        () -> {
                            go.await();
                            return history.transition(run.id(), QUEUED, CANCELLED);
                        });
                List<Future<Boolean>> results = new ArrayList<>();
                for (Callable<Boolean> writer : writers) {
                    results.add(pool.submit(writer));
                }
                go.countDown();
                boolean startWon = results.get(0).get();
                boolean cancelWon = results.get(1).get();

                assertThat(startWon ^ cancelWon).as("round " + round + ": exactly one winner").isTrue();
                assertThat(history.run(run.id()).status()).isEqualTo(startWon ? STARTING : CANCELLED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownRunIsNamed() {
        assertThatThrownBy(() -> history.transition("r-20260101-000000-0000", QUEUED, STARTING))
                .isInstanceOf(NoSuchRunException.class).hasMessage("no run r-20260101-000000-0000 in the run history");
        assertThat(history.findRun("r-20260101-000000-0000")).isEmpty();
    }
}
