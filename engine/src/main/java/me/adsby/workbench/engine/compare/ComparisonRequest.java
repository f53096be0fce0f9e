package me.adsby.workbench.engine.compare;

import java.util.List;
import java.util.Objects;
import me.adsby.workbench.engine.eval.Bootstrap;
import me.adsby.workbench.engine.eval.Metrics;

/**
 * What to compare.
 *
 * @param runIds     two or more runs, in the order to show them
 * @param baselineId the run the others are measured against (one of {@code runIds})
 * @param source     which predictions
 * @param epoch      which epoch's recorded metrics
 * @param bootstrap  resamples and seed of the intervals
 * @param threshold  score >= threshold predicts 1, for accuracy, precision, recall, F1
 */
public record ComparisonRequest(List<String> runIds, String baselineId, ComparisonSource source, EpochChoice epoch,
                                Bootstrap bootstrap, double threshold) {

    public ComparisonRequest {
        runIds = List.copyOf(runIds);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(bootstrap, "bootstrap");
        if (runIds.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two runs, was given " + runIds.size());
        }
        if (runIds.stream().distinct().count() != runIds.size()) {
            throw new IllegalArgumentException("each run may be named once: " + runIds);
        }
        if (!runIds.contains(baselineId)) {
            throw new IllegalArgumentException("the baseline " + baselineId + " is not one of the runs compared");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
        }
    }

    /** The first run as baseline, validation predictions, the best epoch, 1,000 resamples with seed 42. */
    public static ComparisonRequest of(List<String> runIds) {
        return new ComparisonRequest(runIds, runIds.isEmpty() ? null : runIds.get(0), ComparisonSource.VALIDATION,
                EpochChoice.BEST, Bootstrap.withSeed(42L), Metrics.DEFAULT_THRESHOLD);
    }

    public ComparisonRequest withBaseline(String newBaseline) {
        return new ComparisonRequest(runIds, newBaseline, source, epoch, bootstrap, threshold);
    }

    public ComparisonRequest withSource(ComparisonSource newSource) {
        return new ComparisonRequest(runIds, baselineId, newSource, epoch, bootstrap, threshold);
    }

    public ComparisonRequest withEpoch(EpochChoice newEpoch) {
        return new ComparisonRequest(runIds, baselineId, source, newEpoch, bootstrap, threshold);
    }

    public ComparisonRequest withBootstrap(Bootstrap newBootstrap) {
        return new ComparisonRequest(runIds, baselineId, source, epoch, newBootstrap, threshold);
    }
}
