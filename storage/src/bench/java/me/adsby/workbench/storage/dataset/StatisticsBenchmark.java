package me.adsby.workbench.storage.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.StatisticsOptions;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Statistics of a generated 1,000,000-row ad log (about 100 MB, {@code target/bench/ad_log.csv}) in one pass.
 * Its peer is pandas' {@code read_csv} + {@code describe(include='all')} on the same file:
 * {@code src/bench/python/pandas_stats.py}, run by {@code src/bench/stats_vs_pandas.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class StatisticsBenchmark {

    /** The file both benchmarks read. */
    public static final Path FILE = Path.of("target", "bench", "ad_log.csv");

    private CsvSource source;
    private Schema schema;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        AdLogGenerator.ensure(FILE, 1_000_000);
        source = CsvSource.of(FILE);
        schema = Datasets.inferSchema(source);
        System.out.printf("%n%s: %,d bytes, schema %s%n", FILE, Files.size(FILE), schema.columns());
    }

    @Benchmark
    public DatasetStatistics statistics() throws IOException {
        return Datasets.statistics(source, schema, StatisticsOptions.defaults(), ProgressListener.NONE,
                Cancellation.NEVER);
    }
}
