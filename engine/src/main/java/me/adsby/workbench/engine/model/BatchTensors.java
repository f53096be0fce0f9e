package me.adsby.workbench.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;
import me.adsby.workbench.engine.input.Batch;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/**
 * The tensors of one batch, keyed by input name ({@code numeric}, {@code categorical}, {@code image},
 * {@code labels}); only the inputs asked for are made. Owns them: close it (try-with-resources) once the
 * session run that feeds them has returned.
 */
final class BatchTensors implements AutoCloseable {

    private final Map<String, Tensor> tensors = new LinkedHashMap<>();

    private BatchTensors() {
    }

    /**
     * Makes the tensors of a batch.
     *
     * @param numericColumns     numeric columns to feed, or 0 for none
     * @param categoricalColumns categorical columns to feed, or 0 for none
     * @param imageSize          the image side to feed, or 0 for no image
     * @param withLabels         whether to feed the labels
     */
    static BatchTensors of(Batch batch, int numericColumns, int categoricalColumns, int imageSize, boolean withLabels) {
        int n = batch.size();
        check("numeric values", batch.numeric().length, (long) n * numericColumns, numericColumns > 0);
        check("categorical values", batch.categorical().length, (long) n * categoricalColumns, categoricalColumns > 0);
        check("pixels", batch.pixels().length, (long) n * imageSize * imageSize * 3, imageSize > 0);
        BatchTensors out = new BatchTensors();
        try {
            if (numericColumns > 0) {
                out.tensors.put(CtrNetwork.NUMERIC,
                        TFloat32.tensorOf(Shape.of(n, numericColumns), DataBuffers.of(batch.numeric(), true, false)));
            }
            if (categoricalColumns > 0) {
                out.tensors.put(CtrNetwork.CATEGORICAL,
                        TString.tensorOf(Shape.of(n, categoricalColumns), DataBuffers.ofObjects(batch.categorical())));
            }
            if (imageSize > 0) {
                out.tensors.put(CtrNetwork.IMAGE, TFloat32.tensorOf(Shape.of(n, imageSize, imageSize, 3),
                        DataBuffers.of(batch.pixels(), true, false)));
            }
            if (withLabels) {
                out.tensors.put(CtrNetwork.LABELS, TFloat32.tensorOf(Shape.of(n, 1), DataBuffers.of(batch.labels(), true, false)));
            }
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /** The tensor of an input. */
    Tensor get(String input) {
        Tensor tensor = tensors.get(input);
        if (tensor == null) {
            throw new IllegalStateException("no tensor for input " + input);
        }
        return tensor;
    }

    /** Whether the batch's tensors include an input. */
    boolean has(String input) {
        return tensors.containsKey(input);
    }

    /** The tensors by input name (still owned by this object). */
    Map<String, Tensor> asMap() {
        return Map.copyOf(tensors);
    }

    /** Copies a float tensor's values out. */
    static float[] floats(Tensor tensor) {
        TFloat32 values = (TFloat32) tensor;
        float[] out = new float[(int) values.size()];
        values.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    @Override
    public void close() {
        for (Tensor tensor : tensors.values()) {
            tensor.close();
        }
        tensors.clear();
    }

    private static void check(String what, int actual, long expected, boolean fed) {
        if (fed && actual != expected) {
            throw new IllegalArgumentException("The batch holds " + actual + " " + what + ", the model expects " + expected);
        }
    }
}
