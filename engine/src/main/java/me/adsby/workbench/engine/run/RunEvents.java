package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import me.adsby.workbench.engine.train.EpochMetrics;
import me.adsby.workbench.storage.blob.BlobUri;

/** The kinds of run events and their data, written by the worker and read by the app and the worker itself. */
public final class RunEvents {

    /** {@code {"status": "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED", "error": "..."}} */
    public static final String STATE = "state";
    /** {@code {"phase": "prepare", "done": n, "total": n}} */
    public static final String PROGRESS = "progress";
    /** {@code {"train": n, "validation": n, "bad_rows": n, "missing_images": n, "cache_hit": b, "problems": [..]}} */
    public static final String PREPARED = "prepared";
    /** {@code {"epoch", "train_loss", "val_loss", "val_auc", "val_pr_auc", "val_accuracy", "examples", "examples_per_second", "best"}} */
    public static final String EPOCH = "epoch";
    /** {@code {"dataset": "...", "predictions": "...", "bad_rows": n, "metrics": {...}}}: the held-out test file, scored once */
    public static final String TEST = "test";
    /** {@code {"kind": "model" | "predictions" | "metrics", "uri": "..."}} */
    public static final String ARTIFACT = "artifact";

    /** The metric keys an epoch event carries, as stored in the history. */
    public static final String[] EPOCH_METRICS = {"train_loss", "val_loss", "val_auc", "val_pr_auc", "val_accuracy",
        "examples_per_second"};

    private RunEvents() {
    }

    static ObjectNode state(EventWriter events, String status, String error) {
        ObjectNode data = events.data().put("status", status);
        if (error != null) {
            data.put("error", error);
        }
        return data;
    }

    static ObjectNode epoch(EventWriter events, EpochMetrics metrics) {
        return events.data()
                .put("epoch", metrics.epoch())
                .put("train_loss", metrics.trainingLoss())
                .put("val_loss", metrics.validationLoss())
                .put("val_auc", metrics.validationAuc())
                .put("val_pr_auc", metrics.validationPrAuc())
                .put("val_accuracy", metrics.validationAccuracy())
                .put("examples", metrics.trainingExamples())
                .put("examples_per_second", metrics.examplesPerSecond())
                .put("best", metrics.best());
    }

    static ObjectNode artifact(EventWriter events, String kind, BlobUri uri) {
        return events.data().put("kind", kind).put("uri", uri.toString());
    }

    /** An epoch event back as metrics, with the checkpoint where that epoch was saved. */
    static EpochMetrics epochOf(JsonNode data, Path checkpoint) {
        return new EpochMetrics(data.get("epoch").asInt(), data.get("train_loss").asDouble(),
                data.get("val_loss").asDouble(), number(data, "val_auc"), number(data, "val_pr_auc"),
                data.get("val_accuracy").asDouble(),
                data.get("examples").asLong(), data.get("examples_per_second").asDouble(), checkpoint,
                data.get("best").asBoolean());
    }

    /** A JSON number, or NaN where JSON holds none (Jackson writes NaN as a string). */
    static double number(JsonNode data, String key) {
        JsonNode value = data.get(key);
        return value == null || value.isNull() ? Double.NaN : value.asDouble(Double.NaN);
    }

    static String describe(EpochMetrics metrics) {
        return String.format(Locale.ROOT, "Epoch %d: train loss %.4f, validation loss %.4f, AUC %.4f, PR AUC %.4f, "
                        + "accuracy %.4f, %.0f examples/s%s", metrics.epoch(), metrics.trainingLoss(), metrics.validationLoss(),
                metrics.validationAuc(), metrics.validationPrAuc(), metrics.validationAccuracy(), metrics.examplesPerSecond(),
                metrics.best() ? " (best so far)" : "");
    }
}
