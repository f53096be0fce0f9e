package me.adsby.workbench.engine.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import me.adsby.workbench.engine.input.Batch;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;

/**
 * A SavedModel written by {@link ModelExporter}, loaded for scoring through its {@code serving_default}
 * signature (see {@link ModelExporter} for the inputs and the output). Feeds only the inputs the signature
 * has, so a batch may carry columns the model does not read. Thread-safe for concurrent {@link #predict}.
 * Close it to free the native session.
 */
public final class ServingModel implements AutoCloseable {

    private final SavedModelBundle bundle;
    private final SessionFunction function;
    private final int numericColumns;
    private final int categoricalColumns;
    private final int imageSize;

    private ServingModel(SavedModelBundle bundle) {
        this.bundle = bundle;
        this.function = bundle.function(ModelExporter.SIGNATURE_KEY);
        Map<String, Signature.TensorDescription> inputs = function.signature().getInputs();
        this.numericColumns = width(inputs, CtrNetwork.NUMERIC, 1);
        this.categoricalColumns = width(inputs, CtrNetwork.CATEGORICAL, 1);
        this.imageSize = width(inputs, CtrNetwork.IMAGE, 1);
    }

    /** Loads the SavedModel in {@code directory} with the {@code serve} tag. */
    public static ServingModel load(Path directory) {
        if (!Files.isRegularFile(directory.resolve("saved_model.pb"))) {
            throw new IllegalArgumentException("No SavedModel in " + directory + " (saved_model.pb is missing)");
        }
        SavedModelBundle bundle = SavedModelBundle.load(directory.toString(), ModelExporter.TAG);
        try {
            return new ServingModel(bundle);
        } catch (RuntimeException e) {
            bundle.close();
            throw e;
        }
    }

    /** The {@code serving_default} signature: its inputs and outputs with their types, shapes and tensor names. */
    public Signature signature() {
        return function.signature();
    }

    /** The signature's input names. */
    public Set<String> inputNames() {
        return function.signature().inputNames();
    }

    /** Each example's click probability, in batch order. */
    public float[] predict(Batch batch) {
        if (batch.size() == 0) {
            return new float[0];
        }
        try (BatchTensors tensors = BatchTensors.of(batch, numericColumns, categoricalColumns, imageSize, false);
             Result result = function.call(tensors.asMap())) {
            Tensor probability = result.get(CtrNetwork.PROBABILITY)
                    .orElseThrow(() -> new IllegalStateException("The model has no output " + CtrNetwork.PROBABILITY));
            return BatchTensors.floats(probability);
        }
    }

    @Override
    public void close() {
        bundle.close();
    }

    private static int width(Map<String, Signature.TensorDescription> inputs, String name, int dimension) {
        Signature.TensorDescription description = inputs.get(name);
        return description == null ? 0 : (int) description.shape.get(dimension);
    }
}
