package me.adsby.workbench.engine.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;

/**
 * Exports a trained model as a TensorFlow SavedModel that TensorFlow Serving and {@link ServingModel} load.
 *
 * <p>The exported graph is inference-only: the recipe's forward graph is rebuilt without optimizer, loss,
 * initializers, dropout or image augmentation, its variables (batch normalization's moving statistics among them,
 * which it normalises by) are restored from a training checkpoint, and only they are saved (no Adam moments, so
 * the export is about a third of a training-session export). It scores as the trainer scores a validation batch.
 *
 * <p>Tag {@code serve}; one signature, {@code serving_default}, method {@code tensorflow/serving/predict}:
 * <pre>
 *   inputs  numeric     float32 [N, k]        raw numeric features in the feature spec's order, NaN = missing
 *                                             (present when the recipe reads tabular features and k &gt; 0)
 *           categorical string  [N, m]        raw categorical values, "" = missing
 *                                             (present when the recipe reads tabular features and m &gt; 0)
 *           image       float32 [N, S, S, 3]  RGB pixels 0..255, channels last (IMAGE and MULTIMODAL only)
 *   output  probability float32 [N, 1]        the click probability (Platt-scaled when the run calibrates)
 * </pre>
 * Normalisation, hashing and pixel scaling happen inside the graph. Beside the SavedModel,
 * {@code assets.extra/features.json} says which dataset columns feed each input ({@link ModelFeatures}).
 */
public final class ModelExporter {

    /** The tag of the exported graph. */
    public static final String TAG = "serve";
    /** The key of the exported signature. */
    public static final String SIGNATURE_KEY = "serving_default";
    /** The method name of the exported signature. */
    public static final String METHOD = "tensorflow/serving/predict";

    private ModelExporter() {
    }

    /**
     * Writes the SavedModel ({@code saved_model.pb} and {@code variables/}) into {@code directory}, which must
     * not exist or be empty.
     *
     * @param definition the definition the checkpoint was trained with
     * @param checkpoint the checkpoint prefix (e.g. the best epoch's)
     * @param directory  the SavedModel's folder
     */
    public static void export(ModelDefinition definition, Path checkpoint, Path directory) throws IOException {
        export(definition, checkpoint, directory, PlattScaling.IDENTITY);
    }

    /**
     * As {@link #export(ModelDefinition, Path, Path)}, with {@code probability} calibrated by {@code platt}:
     * {@code sigmoid(a * logit + b)}.
     */
    public static void export(ModelDefinition definition, Path checkpoint, Path directory, PlattScaling platt)
            throws IOException {
        if (!Files.exists(Path.of(checkpoint + ".index"))) {
            throw new IllegalArgumentException("No checkpoint at " + checkpoint + " (" + checkpoint + ".index is missing)");
        }
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException("Will not export into " + directory + ": the folder is not empty");
                }
            }
        }
        Files.createDirectories(directory);
        try (Graph graph = new Graph()) {
            CtrNetwork.Ends ends = CtrNetwork.buildForInference(Ops.create(graph), definition, platt);
            try (Session session = new Session(graph, SessionConfig.withThreads(SessionConfig.defaultThreads()))) {
                session.restore(checkpoint.toString());
                SavedModelBundle.exporter(directory.toString())
                        .withTags(TAG)
                        .withSession(session)
                        .withSignature(signature(ends))
                        .export();
            }
        }
        ModelFeatures.of(definition).write(directory);
    }

    private static Signature signature(CtrNetwork.Ends ends) {
        Signature.Builder builder = Signature.builder().key(SIGNATURE_KEY).methodName(METHOD);
        if (ends.numeric() != null) {
            builder.input(CtrNetwork.NUMERIC, ends.numeric());
        }
        if (ends.categorical() != null) {
            builder.input(CtrNetwork.CATEGORICAL, ends.categorical());
        }
        if (ends.image() != null) {
            builder.input(CtrNetwork.IMAGE, ends.image());
        }
        return builder.output(CtrNetwork.PROBABILITY, ends.probability()).build();
    }
}
