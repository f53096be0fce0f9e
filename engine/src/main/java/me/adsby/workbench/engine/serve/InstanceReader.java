package me.adsby.workbench.engine.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.Letterbox;
import me.adsby.workbench.engine.model.ModelFeatures;
import me.adsby.workbench.storage.dataset.schema.NumberParser;
import me.adsby.workbench.storage.dataset.schema.Values;

/**
 * Turns request instances, objects keyed by the dataset's column names with raw values as in the CSV, into a
 * {@link Batch} laid out like training's: numbers as floats ({@code NaN} when missing: null, "", "NA", ...;
 * binary words {@code true/false/yes/no} as 1/0), categories as stripped text ("" when missing), the image
 * decoded and letterboxed as the preparation pass does (zeros when null or ""). The image is what
 * {@link RequestImages} allows: {@code {"b64": "..."}}, or a file under the server's image roots. A number
 * outside a 32-bit float's range is refused. A column the model reads that an instance lacks is an error
 * naming it; other keys are ignored.
 * Thread-safe.
 */
final class InstanceReader {

    private final ModelFeatures features;
    private final RequestImages images;

    InstanceReader(ModelFeatures features, RequestImages images) {
        this.features = features;
        this.images = images;
    }

    Batch read(JsonNode instances) throws BadRequestException {
        if (instances == null || !instances.isArray() || instances.isEmpty()) {
            throw BadRequestException.badRequest("The body needs \"instances\": a non-empty list of objects keyed by column name");
        }
        int n = instances.size();
        int numericCount = features.numeric().size();
        int categoricalCount = features.categorical().size();
        int side = features.imageSize();
        float[] numeric = new float[n * numericCount];
        String[] categorical = new String[n * categoricalCount];
        float[] pixels = new float[features.image() == null ? 0 : n * side * side * 3];
        NumberParser parser = new NumberParser();
        for (int i = 0; i < n; i++) {
            JsonNode instance = instances.get(i);
            if (!instance.isObject()) {
                throw BadRequestException.badRequest("instances[" + i + "] is not an object keyed by column name");
            }
            for (int k = 0; k < numericCount; k++) {
                String column = features.numeric().get(k);
                numeric[i * numericCount + k] = number(require(instance, column, i), column, i, parser);
            }
            for (int k = 0; k < categoricalCount; k++) {
                String column = features.categorical().get(k);
                categorical[i * categoricalCount + k] = category(require(instance, column, i), column, i);
            }
            if (features.image() != null) {
                image(require(instance, features.image(), i), i, pixels, i * side * side * 3);
            }
        }
        return new Batch(n, numeric, categorical, pixels, new float[n], new long[n]);
    }

    private JsonNode require(JsonNode instance, String column, int i) throws BadRequestException {
        JsonNode value = instance.get(column);
        if (value == null) {
            throw BadRequestException.badRequest("instances[" + i + "] lacks the feature '" + column + "' (the model reads "
                    + columns() + ")");
        }
        return value;
    }

    private List<String> columns() {
        List<String> all = new ArrayList<>(features.numeric());
        all.addAll(features.categorical());
        if (features.image() != null) {
            all.add(features.image());
        }
        return all;
    }

    private static float number(JsonNode value, String column, int i, NumberParser parser) throws BadRequestException {
        if (value.isNull()) {
            return Float.NaN;
        }
        if (value.isNumber()) {
            return finite(value.doubleValue(), value, column, i);
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1f : 0f;
        }
        if (value.isTextual()) {
            String text = value.textValue();
            if (Values.isMissing(text)) {
                return Float.NaN;
            }
            if (parser.parse(text)) {
                return finite(parser.value(), value, column, i);
            }
            int binary = Values.binary(text);
            if (binary != Values.NOT_BINARY) {
                return binary;
            }
        }
        throw BadRequestException.badRequest("instances[" + i + "]: the feature '" + column + "' expects a number, found "
                + value);
    }

    /**
     * The value as a float: NaN (missing) stays NaN; an infinity or a number outside float's range is refused,
     * never made infinite.
     */
    private static float finite(double number, JsonNode value, String column, int i) throws BadRequestException {
        if (Double.isNaN(number)) {
            return Float.NaN;
        }
        if (Double.isInfinite(number) || Math.abs(number) > Float.MAX_VALUE) {
            throw BadRequestException.badRequest("instances[" + i + "]: the feature '" + column + "' is " + value
                    + ", outside the range of a 32-bit float");
        }
        return (float) number;
    }

    private static String category(JsonNode value, String column, int i) throws BadRequestException {
        if (value.isNull()) {
            return "";
        }
        if (value.isTextual()) {
            String text = value.textValue();
            return Values.isMissing(text) ? "" : text.strip();
        }
        if (value.isIntegralNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.numberValue().toString();
        }
        throw BadRequestException.badRequest("instances[" + i + "]: the feature '" + column + "' expects text, found " + value);
    }

    private void image(JsonNode value, int i, float[] pixels, int offset) throws BadRequestException {
        if (value.isNull() || value.isTextual() && value.textValue().isBlank()) {
            return;
        }
        BufferedImage image = images.decode(value, "instances[" + i + "]." + features.image());
        byte[] rgb = Letterbox.rgb(image, features.imageSize());
        for (int p = 0; p < rgb.length; p++) {
            pixels[offset + p] = rgb[p] & 0xFF;
        }
    }
}
