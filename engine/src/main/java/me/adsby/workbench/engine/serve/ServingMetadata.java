package me.adsby.workbench.engine.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import me.adsby.workbench.engine.model.ModelExporter;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;

/**
 * The body of TF Serving's {@code GET .../metadata}: the JSON form of its {@code GetModelMetadataResponse}, with
 * the model spec and the SavedModel's {@code signature_def} map, each tensor as TensorInfo's JSON has it
 * ({@code dtype} such as {@code DT_FLOAT}, {@code tensor_shape} with each dimension's {@code size} as a string,
 * -1 for the batch, and the graph tensor's {@code name}).
 */
final class ServingMetadata {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ServingMetadata() {
    }

    static JsonNode of(String model, long version, Signature signature) {
        ObjectNode response = JSON.objectNode();
        ObjectNode spec = response.putObject("model_spec");
        spec.put("name", model);
        spec.put("signature_name", "");
        spec.put("version", Long.toString(version));
        ObjectNode map = response.putObject("metadata").putObject("signature_def");
        map.put("@type", "type.googleapis.com/tensorflow.serving.SignatureDefMap");
        ObjectNode definition = map.putObject("signature_def").putObject(ModelExporter.SIGNATURE_KEY);
        tensors(definition.putObject("inputs"), signature.getInputs());
        tensors(definition.putObject("outputs"), signature.getOutputs());
        definition.put("method_name", signature.methodName());
        return response;
    }

    private static void tensors(ObjectNode into, Map<String, Signature.TensorDescription> tensors) {
        tensors.forEach((name, tensor) -> {
            ObjectNode info = into.putObject(name);
            info.put("dtype", tensor.dataType.name());
            ObjectNode shape = info.putObject("tensor_shape");
            Shape dims = tensor.shape;
            var list = shape.putArray("dim");
            boolean unknown = dims.isUnknown();
            if (!unknown) {
                for (int d = 0; d < dims.numDimensions(); d++) {
                    ObjectNode dim = list.addObject();
                    dim.put("size", Long.toString(dims.get(d)));
                    dim.put("name", "");
                }
            }
            shape.put("unknown_rank", unknown);
            info.put("name", tensor.name);
        });
    }
}
