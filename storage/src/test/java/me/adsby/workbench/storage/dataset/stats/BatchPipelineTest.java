package me.adsby.workbench.storage.dataset.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import me.adsby.workbench.storage.dataset.TestCsv;
import me.adsby.workbench.storage.dataset.check.RowParser;
import me.adsby.workbench.storage.dataset.csv.CsvRowReader;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaInference;

class BatchPipelineTest {

    /** 2.5 batches of rows "i,i*2" so that a partial batch is left at the end. */
    private static final int ROWS = RowBatch.CAPACITY * 5 / 2;

    private static String table() {
        StringBuilder text = new StringBuilder("n,text\n");
        for (int i = 0; i < ROWS; i++) {
            text.append(i).append(",t").append(i * 2).append('\n');
        }
        return text.toString();
    }

    /** Feeds every row of the table through the pipeline, the way the collector does. */
    private static void feed(BatchPipeline pipeline, String table, int stopAfter) throws IOException {
        Schema schema = SchemaInference.infer(TestCsv.text("t.csv", table), 100);
        RowParser parser = new RowParser("t.csv", schema);
        try (CsvRowReader rows = CsvRowReader.open(TestCsv.text("t.csv", table))) {
            int fed = 0;
            while (rows.next() && fed < stopAfter) {
                parser.parse(rows.record(), rows.line());
                pipeline.batch().add(parser, rows.line());
                fed++;
            }
        }
    }

    @Test
    void everyRowReachesTheAccumulatorInOrderWithItsCells() throws IOException {
        List<String> seen = new ArrayList<>();
        try (BatchPipeline pipeline = new BatchPipeline(new boolean[] {true, false}, batch -> {
            for (int r = 0; r < batch.size(); r++) {
                seen.add((long) batch.number(r, 0) + "=" + batch.text(r, 1));
            }
        })) {
            feed(pipeline, table(), Integer.MAX_VALUE);
            pipeline.finish();
        }

        // finish() joined the accumulator: its list is complete and visible here.
        assertThat(seen).hasSize(ROWS);
        assertThat(seen.get(0)).isEqualTo("0=t0");
        assertThat(seen.get(ROWS - 1)).isEqualTo((ROWS - 1) + "=t" + (ROWS - 1) * 2);
    }

    @Test
    void aFailureOfTheAccumulatorReachesTheReader() {
        BatchPipeline pipeline = new BatchPipeline(new boolean[] {true, false}, batch -> {
            throw new IllegalStateException("broken accumulator");
        });

        // The first full batch fails on the other thread; the reader sees it at a later hand-over or at finish.
        assertThatThrownBy(() -> {
            feed(pipeline, table(), Integer.MAX_VALUE);
            pipeline.finish();
        }).isInstanceOf(IllegalStateException.class).hasMessage("broken accumulator");
        pipeline.close();
    }

    @Test
    void closingBeforeTheEndStopsTheAccumulatorThread() throws IOException {
        BatchPipeline pipeline = new BatchPipeline(new boolean[] {true, false}, batch -> { });
        feed(pipeline, table(), RowBatch.CAPACITY + 1);
        assertThat(pipeline.running()).isTrue();

        pipeline.close();

        assertThat(pipeline.running()).isFalse();
    }
}
