package me.adsby.workbench.app.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import me.adsby.workbench.engine.compare.ComparisonRequest;
import me.adsby.workbench.engine.compare.RunComparer;
import me.adsby.workbench.engine.compare.RunComparison;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.history.MetricPoint;
import me.adsby.workbench.storage.history.NewRun;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.settings.TrainingTarget;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;
import org.jfree.chart.JFreeChart;
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

/**
 * The Compare screen's work for 50 runs of 500 epochs (5 epoch metrics each) and 2,000 validation predictions
 * each, as the view model does it off the FX thread: {@code show} is everything between pressing Compare and
 * a table and charts to hand to the FX thread (reading predictions and series, every metric, 1,000 bootstrap
 * resamples per run, DeLong and paired bootstraps against the baseline, the grid and the four charts);
 * {@code redraw} is the part that depends only on the comparison (the grid and the charts), which a change of
 * epoch metric or of "differences only" repeats.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Djava.awt.headless=true"})
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class CompareScreenBenchmark {

    private static final int RUNS = 50;
    private static final int EPOCHS = 500;
    private static final int EXAMPLES = 2_000;

    private Path home;
    private RunHistory history;
    private BlobStores stores;
    private List<String> ids;
    private RunComparison comparison;

    @Setup(Level.Trial)
    public void makeRuns() throws IOException {
        home = Files.createTempDirectory("compare-bench");
        history = RunHistory.open(home.resolve("history"));
        stores = new BlobStores(new GcsOptions(null, null));
        ids = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int r = 0; r < RUNS; r++) {
            Run run = history.createRun(new NewRun("run " + r, "bench", TrainingTarget.LOCAL_CPU,
                    home.resolve("runs").resolve(NewRun.RUN_ID).toString(), "tabular", Map.of("learning_rate", "" + r)));
            ids.add(run.id());
            Path directory = Files.createDirectories(Path.of(run.runDirectory()).resolve("eval"));
            StringBuilder csv = new StringBuilder("key,label,score,placement\n");
            double separation = 0.5 + r / 50.0;
            SplittableRandom rows = new SplittableRandom(7);
            for (int row = 1; row <= EXAMPLES; row++) {
                int label = rows.nextInt(8) == 0 ? 1 : 0;
                double score = 1 / (1 + Math.exp(-(separation * label - 2 + rows.nextGaussian() + 0.3 * random.nextGaussian())));
                csv.append(row).append(',').append(label).append(',').append(score).append(',')
                        .append(row % 5 == 0 ? "search" : row % 3 == 0 ? "sidebar" : "feed").append('\n');
            }
            Files.writeString(directory.resolve("predictions.csv"), csv, StandardCharsets.UTF_8);
            List<MetricPoint> points = new ArrayList<>();
            for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                Instant at = Instant.ofEpochSecond(epoch);
                for (String key : RunComparer.EPOCH_KEYS) {
                    points.add(new MetricPoint(key, epoch, epoch, random.nextDouble(), at));
                }
            }
            history.addMetrics(run.id(), points);
            history.transition(run.id(), RunStatus.QUEUED, RunStatus.STARTING);
            history.transition(run.id(), RunStatus.STARTING, RunStatus.RUNNING);
            history.transition(run.id(), RunStatus.RUNNING, RunStatus.SUCCEEDED);
        }
        comparison = compare();
    }

    private RunComparison compare() throws IOException {
        return new RunComparer(history, stores).compare(ComparisonRequest.of(ids), ProgressListener.NONE,
                Cancellation.NEVER);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        history.close();
        stores.close();
    }

    @Benchmark
    public Object show() throws IOException {
        return draw(compare());
    }

    @Benchmark
    public Object redraw() {
        return draw(comparison);
    }

    private static Object draw(RunComparison result) {
        Map<String, String> names = RunNames.of(result.runs());
        List<JFreeChart> charts = List.of(CompareCharts.epochs(result.runs(), names, "val_auc"),
                CompareCharts.roc(result.runs(), names), CompareCharts.precisionRecall(result.runs(), names),
                CompareCharts.calibration(result.runs(), names));
        return List.of(ComparisonGrid.of(result, false), charts);
    }
}
