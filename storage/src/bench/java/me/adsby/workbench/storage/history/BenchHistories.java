package me.adsby.workbench.storage.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import me.adsby.workbench.storage.settings.TrainingTarget;

/**
 * Builds the benchmark's histories once under {@code target/bench/} and reuses them while a marker file says a
 * build finished. Deterministic (fixed seed, fixed clock).
 */
final class BenchHistories {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final String MARKER = "built.txt";

    private BenchHistories() {
    }

    /** The keys {@code metric-00} to {@code metric-NN}. */
    static List<String> keys(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(String.format("metric-%02d", i));
        }
        return keys;
    }

    /**
     * Opens the history in {@code folder}, first building it when no finished build is there: {@code runs} runs
     * (one a minute, five experiments, eight params, a spread of states), each with {@code metrics} metrics of
     * {@code steps} steps stored through {@link RunHistory#addMetrics}, one call per run.
     */
    static RunHistory openOrBuild(Path folder, int runs, int metrics, int steps) throws IOException {
        Path marker = folder.resolve(MARKER);
        if (Files.exists(marker)) {
            System.out.printf("%nReusing %s: %s%n", folder, Files.readString(marker).strip());
            return RunHistory.open(folder, new MovingClock());
        }
        deleteTree(folder);
        MovingClock clock = new MovingClock();
        RunHistory history = RunHistory.open(folder, clock);
        SplittableRandom random = new SplittableRandom(20261126);
        List<String> keys = keys(metrics);
        RunStatus[] endings = {RunStatus.SUCCEEDED, RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.CANCELLED};
        long nanos = 0;
        long points = 0;
        for (int r = 0; r < runs; r++) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("learning_rate", Double.toString(0.001 * (1 + random.nextInt(100))));
            params.put("batch_size", Integer.toString(64 << random.nextInt(4)));
            params.put("epochs", Integer.toString(5 + random.nextInt(20)));
            params.put("recipe", "tabular");
            params.put("seed", Integer.toString(r));
            params.put("optimizer", random.nextBoolean() ? "adam" : "sgd");
            params.put("embedding_dim", Integer.toString(8 << random.nextInt(3)));
            params.put("dropout", Double.toString(random.nextInt(50) / 100.0));
            Run run = history.createRun(new NewRun(String.format("run %05d %s", r, params.get("optimizer")), "experiment-" + r % 5,
                    TrainingTarget.LOCAL_CPU, "/bench/runs/" + r, "tabular", params));
            history.transition(run.id(), RunStatus.QUEUED, RunStatus.STARTING);
            history.transition(run.id(), RunStatus.STARTING, RunStatus.RUNNING);
            history.transition(run.id(), RunStatus.RUNNING, endings[random.nextInt(endings.length)], null);
            List<MetricPoint> batch = new ArrayList<>(metrics * steps);
            for (String key : keys) {
                double level = random.nextDouble();
                for (int step = 0; step < steps; step++) {
                    batch.add(new MetricPoint(key, step, step / 10, level + random.nextDouble() * 0.01 / (step + 1),
                            START.plusSeconds(r * 60L + step)));
                }
            }
            long t0 = System.nanoTime();
            history.addMetrics(run.id(), batch);
            nanos += System.nanoTime() - t0;
            points += batch.size();
        }
        String summary = String.format("%,d runs, %,d points loaded by addMetrics in %.1f s = %,.0f points/s", runs, points,
                nanos / 1e9, points / (nanos / 1e9));
        Files.writeString(marker, summary + System.lineSeparator());
        System.out.printf("%nBuilt %s: %s%n", folder, summary);
        return history;
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Moves one minute forward at each look, so runs are created a minute apart. */
    static final class MovingClock extends Clock {
        private Instant now = START;

        @Override
        public synchronized Instant instant() {
            now = now.plus(Duration.ofMinutes(1));
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }
}
