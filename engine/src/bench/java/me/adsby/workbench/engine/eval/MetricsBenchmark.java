package me.adsby.workbench.engine.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
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

/**
 * Metrics over 10,000,000 predictions (ROC AUC, average precision, log loss, and every metric from one sort) and
 * DeLong's test on 1,000,000 paired predictions. The data are written once to {@code target/bench/eval-10m.bin}
 * (fixed seed): n, then n label bytes, then n little-endian doubles (the scores of model a), then n doubles (the
 * scores of model b); {@code src/bench/python/sklearn_metrics.py} reads the same file and times scikit-learn,
 * and compares its values with ours, which the setup writes to {@code target/bench/eval-10m.ours.txt}.
 *
 * <p>Scores are binormal (positives shifted by 1.5, about 10% positives, like a CTR log) through the logistic
 * function, rounded to 6 decimals so that there are ties, as a model's float outputs have.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class MetricsBenchmark {

    static final int N = 10_000_000;
    static final int DELONG_N = 1_000_000;
    static final Path DATA = Path.of("target", "bench", "eval-10m.bin");
    static final Path OURS = Path.of("target", "bench", "eval-10m.ours.txt");

    private Predictions predictions;
    private double[] delongA;
    private double[] delongB;
    private boolean[] delongLabels;

    @Setup(Level.Trial)
    public void load() throws IOException {
        if (!Files.exists(DATA)) {
            write(DATA);
        }
        boolean[] labels = new boolean[N];
        double[] a = new double[N];
        double[] b = new double[N];
        try (InputStream in = Files.newInputStream(DATA); DataInputStream data = new DataInputStream(
                new java.io.BufferedInputStream(in, 1 << 20))) {
            ByteBuffer count = ByteBuffer.wrap(data.readNBytes(8)).order(ByteOrder.LITTLE_ENDIAN);
            if (count.getLong() != N) {
                throw new IOException(DATA + " is not the expected size; delete it");
            }
            byte[] bytes = data.readNBytes(N);
            for (int i = 0; i < N; i++) {
                labels[i] = bytes[i] == 1;
            }
            readDoubles(data, a);
            readDoubles(data, b);
        }
        predictions = Predictions.of(a, labels);
        delongA = java.util.Arrays.copyOf(a, DELONG_N);
        delongB = java.util.Arrays.copyOf(b, DELONG_N);
        delongLabels = java.util.Arrays.copyOf(labels, DELONG_N);
        DeLongResult delong = DeLongTest.compare(delongA, delongB, delongLabels);
        Files.writeString(OURS, String.format(Locale.ROOT, "roc_auc %.17g%naverage_precision %.17g%nlog_loss %.17g%n"
                + "delong_auc_a %.17g%ndelong_auc_b %.17g%ndelong_z %.17g%n",
                Metrics.rocAuc(predictions).value(), Metrics.averagePrecision(predictions).value(),
                Metrics.logLoss(predictions).value(), delong.baselineAuc(), delong.candidateAuc(), delong.z()));
    }

    private static void readDoubles(DataInputStream data, double[] into) throws IOException {
        byte[] chunk = new byte[8 << 16];
        int at = 0;
        while (at < into.length) {
            int count = Math.min(1 << 16, into.length - at);
            data.readFully(chunk, 0, count * 8);
            ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, count * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                into[at++] = buffer.getDouble();
            }
        }
    }

    static void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        SplittableRandom random = new SplittableRandom(20261126);
        byte[] labels = new byte[N];
        double[] a = new double[N];
        double[] b = new double[N];
        for (int i = 0; i < N; i++) {
            boolean positive = random.nextDouble() < 0.1;
            labels[i] = (byte) (positive ? 1 : 0);
            double latent = gaussian(random) + (positive ? 1.5 : 0);
            a[i] = round6(1 / (1 + Math.exp(-(latent + 0.8 * gaussian(random)))));
            b[i] = round6(1 / (1 + Math.exp(-(latent + 0.6 * gaussian(random)))));
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial); DataOutputStream data = new DataOutputStream(
                new java.io.BufferedOutputStream(out, 1 << 20))) {
            data.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(N).array());
            data.write(labels);
            ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] scores : new double[][] {a, b}) {
                for (double score : scores) {
                    buffer.clear();
                    data.write(buffer.putDouble(score).array());
                }
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Benchmark
    public MetricValue rocAuc10m() {
        return Metrics.rocAuc(predictions);
    }

    @Benchmark
    public MetricValue averagePrecision10m() {
        return Metrics.averagePrecision(predictions);
    }

    @Benchmark
    public MetricValue logLoss10m() {
        return Metrics.logLoss(predictions);
    }

    @Benchmark
    public Evaluation allMetrics10m() {
        return Evaluator.defaults().metricsOnly(predictions);
    }

    @Benchmark
    public DeLongResult deLong1m() {
        return DeLongTest.compare(delongA, delongB, delongLabels);
    }
}
