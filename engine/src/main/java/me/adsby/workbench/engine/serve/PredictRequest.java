package me.adsby.workbench.engine.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A {@code :predict} body as TensorFlow Serving's REST API defines it, read strictly:
 * <pre>
 *   {"signature_name": "serving_default", "instances": [{column: value, ...}, ...]}     the row format
 *   {"signature_name": "serving_default", "inputs": {column: [value, ...], ...}}         the columnar format
 * </pre>
 * {@code signature_name} is optional. One of {@code instances} and {@code inputs}, never both. Columnar lists
 * must all have one length, the number of instances, and become rows. As TF Serving does, the tokens
 * {@code NaN}, {@code Infinity} and {@code -Infinity} are read as numbers ({@link InstanceReader} takes NaN
 * as missing and refuses the infinities). The body must be one JSON object with
 * nothing after it, no key twice, nested at most {@value #MAX_DEPTH} deep, and hold at most the server's
 * {@link ServerOptions#maxInstances} instances.
 *
 * @param instances the rows, each an object keyed by column name
 * @param columnar  whether it came as {@code inputs} (answered as {@code outputs}) or {@code instances}
 *                  (answered as {@code predictions})
 */
record PredictRequest(ArrayNode instances, boolean columnar) {

    static final int MAX_DEPTH = 16;

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(64).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /**
     * Reads the body.
     *
     * @param signatures the signature names the model has; the first is the default
     */
    static PredictRequest parse(byte[] body, java.util.List<String> signatures, int maxInstances)
            throws BadRequestException {
        JsonNode root;
        try {
            root = STRICT.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw BadRequestException.badRequest("JSON Parse error: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw BadRequestException.badRequest("JSON Parse error: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw BadRequestException.badRequest("The body must be one JSON object with \"instances\" or \"inputs\"");
        }
        JsonNode signature = root.get("signature_name");
        if (signature != null && (!signature.isTextual() || !signatures.contains(signature.textValue()))) {
            throw BadRequestException.badRequest("Serving signature name: " + signature + " not found in signature def");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("signature_name") && !name.equals("instances") && !name.equals("inputs")) {
                throw BadRequestException.badRequest("Unknown field \"" + name + "\" in the request: it takes"
                        + " \"signature_name\" and one of \"instances\" and \"inputs\"");
            }
        }
        JsonNode instances = root.get("instances");
        JsonNode inputs = root.get("inputs");
        if (instances != null && inputs != null) {
            throw BadRequestException.badRequest("Not both \"instances\" and \"inputs\": the row format or the columnar one");
        }
        return new PredictRequest(instances != null ? rows(instances, maxInstances) : columns(inputs, maxInstances),
                inputs != null);
    }

    private static ArrayNode rows(JsonNode instances, int maxInstances) throws BadRequestException {
        if (!instances.isArray() || instances.isEmpty()) {
            throw BadRequestException.badRequest("\"instances\" must be a non-empty list of objects keyed by column name");
        }
        return within(instances.size(), maxInstances, (ArrayNode) instances);
    }

    private static ArrayNode within(int count, int maxInstances, ArrayNode rows) throws BadRequestException {
        if (count > maxInstances) {
            throw BadRequestException.badRequest("The request holds " + count + " instances, over this server's limit of "
                    + maxInstances + ": send them in several requests");
        }
        return rows;
    }

    private static ArrayNode columns(JsonNode inputs, int maxInstances) throws BadRequestException {
        if (inputs == null) {
            throw BadRequestException.badRequest("The body needs \"instances\" (rows) or \"inputs\" (columns)");
        }
        if (!inputs.isObject() || inputs.isEmpty()) {
            throw BadRequestException.badRequest("\"inputs\" must be an object of columns, each a list of values");
        }
        int count = -1;
        for (Iterator<Map.Entry<String, JsonNode>> fields = inputs.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isArray()) {
                throw BadRequestException.badRequest("inputs." + field.getKey() + " must be a list, one value per instance");
            }
            int size = field.getValue().size();
            if (count >= 0 && size != count) {
                throw BadRequestException.badRequest("The columns of \"inputs\" differ in length: " + field.getKey() + " has "
                        + size + " values, an earlier column " + count);
            }
            count = size;
        }
        if (count == 0) {
            throw BadRequestException.badRequest("The columns of \"inputs\" are empty");
        }
        within(count, maxInstances, null);
        ArrayNode rows = JsonNodeFactory.instance.arrayNode(count);
        for (int i = 0; i < count; i++) {
            ObjectNode row = rows.addObject();
            for (Iterator<Map.Entry<String, JsonNode>> fields = inputs.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                row.set(field.getKey(), field.getValue().get(i));
            }
        }
        return rows;
    }
}
