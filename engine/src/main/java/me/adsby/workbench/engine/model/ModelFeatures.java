package me.adsby.workbench.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.input.Letterbox;

/**
 * Which dataset columns feed an exported model's signature inputs, saved beside the SavedModel as
 * {@code assets.extra/features.json} (TensorFlow Serving ignores {@code assets.extra}), so that a server can
 * take instances keyed by the dataset's column names. Models exported before this file existed have none.
 *
 * @param format      the file's format, {@value #FORMAT}
 * @param numeric     the columns of the {@code numeric} input, in order; empty when the model has no such input
 * @param categorical the columns of the {@code categorical} input, in order; empty when it has none
 * @param image       the column of the {@code image} input, or null when it has none
 * @param imageSize   the side of the {@code image} input, or 0
 * @param imageMethod how images are fitted to the side ({@link Letterbox#METHOD}), or null without an image
 * @param label       the label column the model was trained on
 */
public record ModelFeatures(int format, List<String> numeric, List<String> categorical, String image,
        @JsonProperty("image_size") int imageSize, @JsonProperty("image_method") String imageMethod, String label) {

    /** The file's place in a SavedModel's folder. */
    public static final String FILE = "assets.extra/features.json";
    public static final int FORMAT = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public ModelFeatures {
        numeric = numeric == null ? List.of() : List.copyOf(numeric);
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
    }

    /** The inputs of the model that {@code definition} builds. */
    /** The feature spec that reads these columns from a dataset, as training did. */
    public FeatureSpec spec() {
        return new FeatureSpec(numeric, categorical, image, label, image == null ? 0 : imageSize);
    }

    public static ModelFeatures of(ModelDefinition definition) {
        boolean image = definition.readsImage();
        return new ModelFeatures(FORMAT,
                definition.readsNumeric() ? definition.features().numeric() : List.of(),
                definition.readsCategorical() ? definition.features().categorical() : List.of(),
                image ? definition.features().image() : null,
                image ? definition.features().imageSize() : 0,
                image ? Letterbox.METHOD : null,
                definition.features().label());
    }

    /** Writes {@link #FILE} into a SavedModel's folder. */
    public void write(Path savedModel) throws IOException {
        Path file = savedModel.resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.write(file, MAPPER.writeValueAsBytes(this));
    }

    /** Reads {@link #FILE} from a SavedModel's folder; empty when it has none. */
    public static Optional<ModelFeatures> read(Path savedModel) throws IOException {
        Path file = savedModel.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(parse(Files.readAllBytes(file), file.toString()));
    }

    /** Parses the file's bytes; {@code name} says where they came from in messages. */
    public static ModelFeatures parse(byte[] json, String name) throws IOException {
        ModelFeatures features;
        try {
            features = MAPPER.readValue(json, ModelFeatures.class);
        } catch (JsonProcessingException e) {
            throw new IOException(name + ": not a features file: " + e.getOriginalMessage(), e);
        }
        if (features.format() != FORMAT) {
            throw new IOException(name + ": features format " + features.format() + " is not the " + FORMAT
                    + " this Workbench reads");
        }
        return features;
    }
}
