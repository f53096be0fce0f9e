package me.adsby.workbench.engine.publish;

import java.util.Objects;
import me.adsby.workbench.engine.eval.Bootstrap;
import me.adsby.workbench.engine.eval.Metrics;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * What to publish.
 *
 * @param runId          the run whose model is published
 * @param modelName      the registry model ({@code [A-Za-z0-9_-]}, up to 64 characters)
 * @param registry       the registry's root: a local folder or a {@code gs://} prefix
 * @param label          {@code production}, {@code staging}, or null to add the version unlabelled
 * @param overrideReason why to publish although the gate fails, or null: then a failing gate stops the publish
 * @param evaluationData the dataset to judge on, or null for production's (or, first, the validation split)
 * @param thresholds     the gate's thresholds
 * @param bootstrap      resamples and seed of the intervals
 * @param maxBadRows     bad rows of the evaluation dataset to skip and count before scoring fails
 * @param servingUrl     the TF Serving REST endpoint that reads the registry, asked whether the new version is
 *                       AVAILABLE before the label moves; null: wait out the registry's config poll interval
 */
public record PublishRequest(String runId, String modelName, BlobUri registry, String label, String overrideReason,
                             BlobUri evaluationData, GateThresholds thresholds, Bootstrap bootstrap, int maxBadRows,
                             java.net.URI servingUrl) {

    /** Without a serving URL. */
    public PublishRequest(String runId, String modelName, BlobUri registry, String label, String overrideReason,
                          BlobUri evaluationData, GateThresholds thresholds, Bootstrap bootstrap, int maxBadRows) {
        this(runId, modelName, registry, label, overrideReason, evaluationData, thresholds, bootstrap, maxBadRows, null);
    }

    public PublishRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(bootstrap, "bootstrap");
        if (label != null && !Registry.LABELS.contains(label)) {
            throw new IllegalArgumentException("the label must be production or staging, not '" + label + "'");
        }
        if (overrideReason != null && overrideReason.isBlank()) {
            throw new IllegalArgumentException("an override needs a written reason");
        }
        if (maxBadRows < 0) {
            throw new IllegalArgumentException("maxBadRows must be >= 0, was " + maxBadRows);
        }
    }

    /** Default thresholds, 1,000 resamples with seed 42, no bad rows allowed, no override. */
    public static PublishRequest of(String runId, String modelName, BlobUri registry, String label) {
        return new PublishRequest(runId, modelName, registry, label, null, null, GateThresholds.defaults(),
                Bootstrap.withSeed(42L), 0);
    }

    public PublishRequest withOverride(String reason) {
        return new PublishRequest(runId, modelName, registry, label, reason, evaluationData, thresholds, bootstrap,
                maxBadRows);
    }

    public PublishRequest withEvaluationData(BlobUri dataset) {
        return new PublishRequest(runId, modelName, registry, label, overrideReason, dataset, thresholds, bootstrap,
                maxBadRows);
    }

    public PublishRequest withThresholds(GateThresholds newThresholds) {
        return new PublishRequest(runId, modelName, registry, label, overrideReason, evaluationData, newThresholds,
                bootstrap, maxBadRows);
    }

    public PublishRequest withBootstrap(Bootstrap newBootstrap) {
        return new PublishRequest(runId, modelName, registry, label, overrideReason, evaluationData, thresholds,
                newBootstrap, maxBadRows);
    }

    public PublishRequest withServingUrl(java.net.URI url) {
        return new PublishRequest(runId, modelName, registry, label, overrideReason, evaluationData, thresholds, bootstrap,
                maxBadRows, url);
    }

    public boolean isOverride() {
        return overrideReason != null;
    }

    /** The threshold of accuracy, precision, recall and F1 (score >= it predicts 1). */
    double classificationThreshold() {
        return Metrics.DEFAULT_THRESHOLD;
    }
}
