package me.adsby.workbench.storage.history;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The run history at scale, in two databases built once under {@code target/bench/} and reused:
 *
 * <ul>
 *   <li>{@code history-10m}: 1,000 runs x 20 metrics x 500 steps = 10,000,000 points. (a) A comparison: the full
 *       series of 20 metrics of 10 runs (100,000 points) through {@link RunHistory#series}. Goal: under 200 ms.
 *       Peers in the same run: the same points read by one raw JDBC query on the primary key without our mapping
 *       (the floor), and by a plain scan that may not use an index ({@code USE INDEX ()}).</li>
 *   <li>{@code history-10k}: 10,000 runs x 10 metrics x 10 steps (1,000,000 points), 8 params each. (b) The first
 *       page (50 rows) of the runs table with params and final metrics through {@link RunHistory#runs}, newest
 *       first and sorted by a final metric. Goal: under 100 ms. Peer: the same SQL run raw, with no mapping.</li>
 * </ul>
 *
 * The loading time (points/s of {@link RunHistory#addMetrics}) is printed when a database is built and kept in
 * its {@code built.txt}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseG1GC"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HistoryBenchmark {

    static final Path ROOT = Path.of("target", "bench");
    static final int COMPARED_RUNS = 10;
    static final int METRICS = 20;

    RunHistory points10m;
    RunHistory runs10k;
    List<String> comparedRuns;
    List<String> keys;

    @Setup(Level.Trial)
    public void openOrBuild() throws IOException {
        points10m = BenchHistories.openOrBuild(ROOT.resolve("history-10m"), 1_000, METRICS, 500);
        runs10k = BenchHistories.openOrBuild(ROOT.resolve("history-10k"), 10_000, 10, 10);
        keys = BenchHistories.keys(METRICS);
        List<String> all = new ArrayList<>();
        for (RunRow row : points10m.runs(RunQuery.firstPage(RunQuery.MAX_LIMIT)).rows()) {
            all.add(row.run().id());
        }
        // Ten runs spread over the table, not neighbours on disk.
        comparedRuns = new ArrayList<>();
        for (int i = 0; i < COMPARED_RUNS; i++) {
            comparedRuns.add(all.get(i * all.size() / COMPARED_RUNS + 7));
        }
        long stored = compareTenRuns().stream().mapToLong(series -> series.points().size()).sum();
        if (stored != COMPARED_RUNS * METRICS * 500L) {
            throw new IllegalStateException("expected 100,000 points for the compared runs, read " + stored);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        points10m.close();
        runs10k.close();
    }

    /** (a) Ours: 10 runs x 20 metrics, mapped to series. */
    @Benchmark
    public List<MetricSeries> compareTenRuns() {
        return points10m.series(comparedRuns, keys);
    }

    /** (a) Floor: the same 100,000 points by one raw query on the primary key, read into a black hole. */
    @Benchmark
    public long compareTenRunsRawIndexed(Blackhole hole) {
        return scan(hole, "SELECT run_id, metric_key, step, epoch, metric_val, wall_ms FROM metric_points WHERE run_id IN ("
                + placeholders(COMPARED_RUNS) + ") ORDER BY run_id, metric_key, step");
    }

    /** (a) Peer: a plain scan of all 10,000,000 points for the same runs, no index allowed. */
    @Benchmark
    public long compareTenRunsPlainScan(Blackhole hole) {
        return scan(hole, "SELECT run_id, metric_key, step, epoch, metric_val, wall_ms FROM metric_points USE INDEX ()"
                + " WHERE run_id IN (" + placeholders(COMPARED_RUNS) + ")");
    }

    private long scan(Blackhole hole, String sql) {
        return points10m.database().read("bench", c -> {
            long rows = 0;
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < COMPARED_RUNS; i++) {
                    select.setString(i + 1, comparedRuns.get(i));
                }
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        hole.consume(result.getString(1));
                        hole.consume(result.getString(2));
                        hole.consume(result.getLong(3));
                        hole.consume(result.getInt(4));
                        hole.consume(result.getDouble(5));
                        hole.consume(result.getLong(6));
                        rows++;
                    }
                }
            }
            return rows;
        });
    }

    /** (b) Ours: the first 50 of 10,000 runs, newest first, with params and final metrics. */
    @Benchmark
    public RunPage firstPageNewest() {
        return runs10k.runs(RunQuery.firstPage(50));
    }

    /** (b) Ours: the first 50 of 10,000 runs by a final metric, best first. */
    @Benchmark
    public RunPage firstPageByFinalMetric() {
        return runs10k.runs(RunQuery.firstPage(50).withSort(RunSort.finalMetric("metric-03", true)));
    }

    /** (b) Peer: the same three statements (count, page, its params and final metrics) raw, without mapping. */
    @Benchmark
    public long firstPageRawJdbc(Blackhole hole) {
        return runs10k.database().read("bench", c -> {
            long cells = 0;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*)" + RunStore.FROM + " WHERE 1 = 1");
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                hole.consume(rows.getLong(1));
            }
            List<String> ids = new ArrayList<>();
            try (PreparedStatement page = c.prepareStatement("SELECT " + RunStore.COLUMNS + RunStore.FROM + " WHERE 1 = 1"
                    + " ORDER BY r.created DESC, r.id DESC, r.created DESC, r.id DESC OFFSET 0 ROWS FETCH NEXT 50 ROWS ONLY");
                    ResultSet rows = page.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                    for (int i = 2; i <= 11; i++) {
                        hole.consume(rows.getObject(i));
                        cells++;
                    }
                }
            }
            cells += children(c, hole, ids, "SELECT run_id, param_key, param_value FROM params WHERE run_id IN (");
            cells += children(c, hole, ids, "SELECT run_id, metric_key, metric_val FROM final_metrics WHERE run_id IN (");
            return cells;
        });
    }

    private static long children(java.sql.Connection c, Blackhole hole, List<String> ids, String sql) throws SQLException {
        long cells = 0;
        try (PreparedStatement select = c.prepareStatement(sql + placeholders(ids.size()) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                select.setString(i + 1, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hole.consume(rows.getString(1));
                    hole.consume(rows.getString(2));
                    hole.consume(rows.getObject(3));
                    cells += 3;
                }
            }
        }
        return cells;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
