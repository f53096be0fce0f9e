package me.adsby.workbench.storage.dataset.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.ProblemLog;
import me.adsby.workbench.storage.dataset.TestCsv;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaInference;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

class ErrorPolicyTest {

    /** Lines 2..11: rows 1..10; rows 3, 5, 8 and 9 (lines 4, 6, 9, 10) are bad. */
    private static final String TEXT = "n\n1\n2\nx\n4\ny\n6\n7\nz\nw\n10\n";

    private static Schema schema() throws IOException {
        return SchemaInference.infer(TestCsv.text("s.csv", "n\n1\n5\n")); // 1 alone would be BINARY
    }

    @Test
    void skipAndCountUsesEveryGoodRowAndCountsEveryBadOne() throws IOException {
        List<Long> goodLines = new ArrayList<>();
        ProblemLog log = new ProblemLog(100);
        ScanResult scan = RowScan.run(TestCsv.text("p.csv", TEXT), schema(), ErrorPolicy.skipAndCount(), log,
                ProgressListener.NONE, Cancellation.NEVER, (row, line) -> goodLines.add(line));
        assertThat(goodLines).containsExactly(2L, 3L, 5L, 7L, 8L, 11L);
        assertThat(scan.goodRows()).isEqualTo(6);
        assertThat(scan.badRows()).isEqualTo(4);
        assertThat(scan.rowsRead()).isEqualTo(10);
        assertThat(scan.stoppedEarly()).isFalse();
        assertThat(log.total()).isEqualTo(4);
    }

    @Test
    void stopAfterTwoStopsAtTheSecondBadRow() throws IOException {
        List<Long> goodLines = new ArrayList<>();
        ProblemLog log = new ProblemLog(100);
        ScanResult scan = RowScan.run(TestCsv.text("p.csv", TEXT), schema(), ErrorPolicy.stopAfter(2), log,
                ProgressListener.NONE, Cancellation.NEVER, (row, line) -> goodLines.add(line));
        // rows on lines 2, 3, 5 are good; line 4 is the first problem, line 6 the second: stop there
        assertThat(goodLines).containsExactly(2L, 3L, 5L);
        assertThat(scan.badRows()).isEqualTo(2);
        assertThat(scan.rowsRead()).isEqualTo(5);
        assertThat(scan.stoppedEarly()).isTrue();
        assertThat(scan.stopReason().line()).isEqualTo(6);
        assertThat(log.details()).extracting(p -> p.line()).containsExactly(4L, 6L);
    }

    @Test
    void failFastStopsAtTheFirst() throws IOException {
        ProblemLog log = new ProblemLog(100);
        ScanResult scan = RowScan.run(TestCsv.text("p.csv", TEXT), schema(), ErrorPolicy.failFast(), log,
                ProgressListener.NONE, Cancellation.NEVER, (row, line) -> { });
        assertThat(scan.goodRows()).isEqualTo(2);
        assertThat(scan.badRows()).isEqualTo(1);
        assertThat(scan.stopReason().toString()).isEqualTo("p.csv:4: column 'n' expects a number, found 'x'");
    }

    @Test
    void cancellationIsChecked() {
        StringBuilder text = new StringBuilder("n\n");
        for (int i = 0; i < 3 * RowScan.CHECK_EVERY; i++) {
            text.append(i).append('\n');
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RowScan.run(TestCsv.text("c.csv", text.toString()),
                        schema(), ErrorPolicy.skipAndCount(), new ProblemLog(1), ProgressListener.NONE, () -> true,
                        (row, line) -> { }))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
