package me.adsby.workbench.engine.eval;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Percentile bootstrap intervals. Each resample draws n examples with replacement, as counts per example (a
 * multinomial draw: n uniform picks), and weights the one metric pass by them, so no resample copies or sorts
 * the data. Resamples run in parallel; resample r uses its own {@link SplittableRandom} seeded by the r-th
 * value of a generator seeded with {@code seed}, so the result depends on the seed alone, not on the threads.
 *
 * @param resamples how many resamples (default 1000)
 * @param seed      the seed
 */
public record Bootstrap(int resamples, long seed) {

    public static final int DEFAULT_RESAMPLES = 1000;

    public Bootstrap {
        if (resamples < 1) {
            throw new IllegalArgumentException("at least one resample is needed, asked for " + resamples);
        }
    }

    public static Bootstrap withSeed(long seed) {
        return new Bootstrap(DEFAULT_RESAMPLES, seed);
    }

    /** A 95% interval for each metric of the predictions at the threshold. */
    public Map<Metric, ConfidenceInterval> intervals(Predictions predictions, double threshold) {
        SortedPredictions sorted = SortedPredictions.of(predictions);
        int n = sorted.size();
        long[] seeds = seeds();
        double[][] values = new double[Metric.values().length][resamples];
        IntStream.range(0, resamples).parallel().forEach(r -> {
            // Draw counts straight onto the sorted positions: a multinomial draw over the examples in any fixed
            // order is the same distribution.
            int[] counts = draw(n, new SplittableRandom(seeds[r]));
            Evaluation resample = MetricPass.evaluate(sorted, counts, threshold);
            for (Metric metric : Metric.values()) {
                values[metric.ordinal()][r] = resample.metric(metric).value();
            }
        });
        return intervals(values);
    }

    /**
     * A 95% interval for each metric's difference candidate - baseline, both models weighted by the same draw
     * of examples in each resample.
     */
    public Map<Metric, ConfidenceInterval> differenceIntervals(PairedPredictions pair, double threshold) {
        SortedPredictions baseline = SortedPredictions.of(pair.baseline());
        SortedPredictions candidate = SortedPredictions.of(pair.candidate());
        int n = baseline.size();
        long[] seeds = seeds();
        double[][] values = new double[Metric.values().length][resamples];
        IntStream.range(0, resamples).parallel().forEach(r -> {
            int[] counts = draw(n, new SplittableRandom(seeds[r]));
            Evaluation a = MetricPass.evaluate(baseline, gather(counts, baseline.order), threshold);
            Evaluation b = MetricPass.evaluate(candidate, gather(counts, candidate.order), threshold);
            for (Metric metric : Metric.values()) {
                values[metric.ordinal()][r] = b.metric(metric).value() - a.metric(metric).value();
            }
        });
        return intervals(values);
    }

    private long[] seeds() {
        SplittableRandom root = new SplittableRandom(seed);
        long[] seeds = new long[resamples];
        for (int r = 0; r < resamples; r++) {
            seeds[r] = root.nextLong();
        }
        return seeds;
    }

    private static Map<Metric, ConfidenceInterval> intervals(double[][] values) {
        Map<Metric, ConfidenceInterval> intervals = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            intervals.put(metric, ConfidenceInterval.percentile(values[metric.ordinal()]));
        }
        return intervals;
    }

    /** How many times each of n examples is drawn in n draws with replacement. */
    static int[] draw(int n, SplittableRandom random) {
        int[] counts = new int[n];
        for (int i = 0; i < n; i++) {
            counts[random.nextInt(n)]++;
        }
        return counts;
    }

    private static int[] gather(int[] countsByExample, int[] order) {
        int[] weights = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            weights[k] = countsByExample[order[k]];
        }
        return weights;
    }
}
