package me.adsby.workbench.storage.history;

import static me.adsby.workbench.storage.history.RunStatus.CANCELLED;
import static me.adsby.workbench.storage.history.RunStatus.FAILED;
import static me.adsby.workbench.storage.history.RunStatus.INTERRUPTED;
import static me.adsby.workbench.storage.history.RunStatus.QUEUED;
import static me.adsby.workbench.storage.history.RunStatus.RUNNING;
import static me.adsby.workbench.storage.history.RunStatus.STARTING;
import static me.adsby.workbench.storage.history.RunStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunStatusTest {

    /** The table of the issue, written out by hand: every move not listed is refused. */
    static final Map<RunStatus, Set<RunStatus>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(STARTING, CANCELLED),
            STARTING, EnumSet.of(RUNNING, FAILED, CANCELLED, INTERRUPTED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, INTERRUPTED),
            INTERRUPTED, EnumSet.of(QUEUED),
            FAILED, EnumSet.of(QUEUED),
            SUCCEEDED, EnumSet.noneOf(RunStatus.class),
            CANCELLED, EnumSet.of(QUEUED));

    @Test
    void everyPairOfStatesIsAllowedExactlyWhenTheTableSaysSo() {
        // 7 x 7 = 49 pairs; 2 + 4 + 4 + 1 + 1 + 1 (a cancelled run resumed) = 13 allowed.
        int allowed = 0;
        for (RunStatus from : RunStatus.values()) {
            for (RunStatus to : RunStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
                allowed += from.canMoveTo(to) ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(13);
    }

    @Test
    void nothingLeavesSucceededACancelledRunMayBeResumedAndNoStateMovesToItself() {
        assertThat(SUCCEEDED.next()).isEmpty();
        assertThat(CANCELLED.next()).containsExactly(QUEUED);
        for (RunStatus status : RunStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status.name()).isFalse();
        }
    }

    @Test
    void stoppedStatesAreTheFourEndings() {
        assertThat(EnumSet.allOf(RunStatus.class).stream().filter(RunStatus::isStopped))
                .containsExactlyInAnyOrder(SUCCEEDED, FAILED, CANCELLED, INTERRUPTED);
    }
}
