package me.adsby.workbench.storage.dataset.stats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ProblemLog;
import me.adsby.workbench.storage.dataset.check.RowScan;
import me.adsby.workbench.storage.dataset.check.ScanResult;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Computes {@link DatasetStatistics} in one streaming pass (then, with a sample limit, probes the sampled
 * images). Bad rows are skipped and counted, or stop the pass, by the options' policy. The calling thread
 * reads and parses the rows; one more thread accumulates them in batches ({@link BatchPipeline}), so the
 * two halves of the work overlap.
 */
public final class StatisticsCollector {

    private final Schema schema;
    private final StatisticsOptions options;
    private final long[] missing;
    private final NumericAccumulator[] numeric;
    private final DoubleDistinct[] numericDistinct;
    private final CategoricalAccumulator[] categorical;
    private final int labelIndex;
    private final int imageIndex;
    private final ImageAccumulator images;
    private final boolean[] numericColumns;
    private long positives;
    private long negatives;
    private long labelMissing;

    private StatisticsCollector(Schema schema, StatisticsOptions options) {
        this.schema = schema;
        this.options = options;
        int width = schema.size();
        missing = new long[width];
        numeric = new NumericAccumulator[width];
        numericDistinct = new DoubleDistinct[width];
        categorical = new CategoricalAccumulator[width];
        for (ColumnSchema c : schema.columns()) {
            if (c.type().numeric() && c.role() != ColumnRole.LABEL) {
                numeric[c.index()] = new NumericAccumulator();
                numericDistinct[c.index()] = new DoubleDistinct(options.distinctCap());
            } else {
                boolean trackTop = c.type() != ColumnType.IMAGE && c.role() != ColumnRole.KEY
                        && c.role() != ColumnRole.IMAGE;
                categorical[c.index()] = new CategoricalAccumulator(options.distinctCap(), trackTop);
            }
        }
        numericColumns = new boolean[width];
        for (int i = 0; i < width; i++) {
            numericColumns[i] = numeric[i] != null;
        }
        labelIndex = schema.label().map(ColumnSchema::index).orElse(-1);
        imageIndex = schema.image().map(ColumnSchema::index).orElse(-1);
        images = options.imageProbe() != null && imageIndex >= 0
                ? new ImageAccumulator(options.imageProbe(), options.imageSampleLimit()) : null;
    }

    /**
     * @throws BadDataException when the header is unusable, a fatal problem ends the file early (statistics
     *                          of part of a file would mislead), or the policy's limit of problems is reached
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static DatasetStatistics collect(CsvSource source, Schema schema, StatisticsOptions options,
                                            ProgressListener progress, Cancellation cancel) throws IOException {
        StatisticsCollector collector = new StatisticsCollector(schema, options);
        ProblemLog log = new ProblemLog(options.maxProblemDetails());
        ScanResult scan;
        try (BatchPipeline pipeline = new BatchPipeline(collector.numericColumns, collector::accumulate)) {
            scan = RowScan.run(source, schema, options.policy(), log, progress, cancel,
                    (row, line) -> pipeline.batch().add(row, line));
            pipeline.finish();
        }
        if (scan.stoppedEarly()) {
            throw new BadDataException(log.details());
        }
        if (collector.images != null) {
            collector.images.finish(progress, cancel);
        }
        return collector.result(source.name(), scan, log);
    }

    /** Accumulates a batch of good rows, on the pipeline's thread. */
    private void accumulate(RowBatch batch) {
        for (int r = 0; r < batch.size(); r++) {
            accumulateRow(batch, r);
        }
    }

    private void accumulateRow(RowBatch batch, int r) {
        for (int i = 0; i < missing.length; i++) {
            if (batch.missing(r, i)) {
                missing[i]++;
                continue;
            }
            NumericAccumulator number = numeric[i];
            if (number != null) {
                double x = batch.number(r, i);
                number.add(x);
                numericDistinct[i].add(x);
            } else {
                categorical[i].add(batch.text(r, i));
            }
        }
        if (labelIndex >= 0) {
            int label = batch.label(r);
            if (label == 1) {
                positives++;
            } else if (label == 0) {
                negatives++;
            } else {
                labelMissing++;
            }
        }
        if (images != null && !batch.missing(r, imageIndex)) {
            images.add(batch.text(r, imageIndex), batch.line(r));
        }
    }

    private DatasetStatistics result(String file, ScanResult scan, ProblemLog log) {
        List<ColumnStatistics> columns = new ArrayList<>();
        int bins = options.histogramBins();
        for (ColumnSchema c : schema.columns()) {
            int i = c.index();
            long present = scan.goodRows() - missing[i];
            if (numeric[i] != null) {
                columns.add(new ColumnStatistics(c.name(), c.type(), c.role(), present, missing[i],
                        numericDistinct[i].result(), numeric[i].result(bins), null));
            } else {
                columns.add(new ColumnStatistics(c.name(), c.type(), c.role(), present, missing[i],
                        categorical[i].distinct(), null, categorical[i].result()));
            }
        }
        return new DatasetStatistics(file, scan.rowsRead(), scan.goodRows(), scan.badRows(), log.countsByKind(),
                log.details(), columns, labelIndex >= 0 ? LabelBalance.of(positives, negatives, labelMissing) : null,
                images == null ? null : images.result(bins));
    }
}
