package me.adsby.workbench.engine.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import me.adsby.workbench.engine.model.ExportedModels;
import me.adsby.workbench.engine.registry.ModelCard;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code workbench serve} against TensorFlow Serving's REST API as its documentation ({@code api_rest.md},
 * "RESTful API") states it: the status response, the metadata response, the row ("instances" →
 * "predictions") and columnar ("inputs" → "outputs") formats, {@code signature_name}, {@code {"b64": ...}}
 * binary values, the NaN token, and errors as {@code {"error": message}} with the documented 404 message. The
 * served model has the documented one-output shape: {@code probability} [N, 1].
 */
class TfServingRestConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "{\"x0\": 1.5, \"x1\": 2, \"c0\": \"cat1\", \"c1\": \"noise2\", \"banner\": \"\"}";
    private static final String OTHER_ROW = "{\"x0\": -0.5, \"x1\": 7, \"c0\": \"cat4\", \"c1\": \"\", \"banner\": \"\"}";

    @TempDir
    static Path temp;

    static PredictionServer server;
    static ServingClient client;

    @BeforeAll
    static void serve() throws IOException {
        Path model = ExportedModels.multimodal(temp);
        Registry registry = new Registry(new LocalBlobStore(), BlobUri.local(temp.resolve("registry")), null, "ann",
                Clock.systemUTC());
        ModelCard card = ModelCard.of(null, null, null, null, Map.of(), null);
        registry.addVersion("ctr", model, card);
        registry.addVersion("ctr", model, card);
        registry.label("ctr", 1, Registry.PRODUCTION);
        // Version 2 is served by the config but broken on disk, as a half-copied folder would be.
        Files.delete(registry.versionUri("ctr", 2).toPath().resolve("saved_model.pb"));
        server = PredictionServer.start(registry, ServerOptions.defaults().withPort(0));
        client = new ServingClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theStatusOfAVersionIsTheDocumentedGetModelStatusResponse() throws Exception {
        HttpResponse<String> response = get("/v1/models/ctr/versions/1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        // The documented example's shape, for version 1.
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"model_version_status\": [{\"version\": \"1\","
                + " \"state\": \"AVAILABLE\", \"status\": {\"error_code\": \"OK\", \"error_message\": \"\"}}]}"));
    }

    @Test
    void aVersionThatCannotLoadIsNotAvailableAndItsPredictIsA404NotA500() throws Exception {
        JsonNode all = JSON.readTree(get("/v1/models/ctr").body()).get("model_version_status");
        assertThat(all).extracting(v -> v.get("version").asText()).containsExactly("2", "1");
        assertThat(all.get(0).get("state").asText()).isNotEqualTo("AVAILABLE");
        assertThat(all.get(0).get("status").get("error_code").asText()).isNotEqualTo("OK");
        assertThat(all.get(0).get("status").get("error_message").asText()).contains("saved_model.pb");
        assertThat(all.get(1).get("state").asText()).isEqualTo("AVAILABLE");

        HttpResponse<String> predict = post("/v1/models/ctr/versions/2:predict", "{\"instances\": [" + ROW + "]}");
        assertThat(predict.statusCode()).isEqualTo(404);
        assertThat(error(predict)).startsWith("Servable not found for request: Specific(ctr, 2)");
    }

    @Test
    void theDocumentedNotFoundExampleIsAnsweredWordForWord() throws Exception {
        HttpResponse<String> response = post("/v1/models/half:predict", "{\"instances\": [1.0, 5.0]}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body()))
                .isEqualTo(JSON.readTree("{ \"error\": \"Servable not found for request: Latest(half)\" }"));
    }

    @Test
    void rowsAnswerAsPredictionsAndTheSameColumnsAsOutputs() throws Exception {
        JsonNode rows = JSON.readTree(post("/v1/models/ctr:predict", "{\"instances\": [" + ROW + ", " + OTHER_ROW + "]}")
                .body());
        JsonNode columns = JSON.readTree(post("/v1/models/ctr:predict", "{\"inputs\": {\"x0\": [1.5, -0.5], \"x1\": [2, 7],"
                + " \"c0\": [\"cat1\", \"cat4\"], \"c1\": [\"noise2\", \"\"], \"banner\": [\"\", \"\"]}}").body());

        // One named output: the name is left out and each instance's value is the [1]-shaped tensor.
        assertThat(rows.fieldNames()).toIterable().containsExactly("predictions");
        assertThat(columns.fieldNames()).toIterable().containsExactly("outputs");
        assertThat(rows.get("predictions")).hasSize(2).allSatisfy(p -> assertThat(p).hasSize(1));
        assertThat(columns.get("outputs")).isEqualTo(rows.get("predictions"));
        double p = rows.get("predictions").get(0).get(0).asDouble();
        assertThat(p).isBetween(0.0, 1.0);

        JsonNode named = JSON.readTree(post("/v1/models/ctr:predict", "{\"signature_name\": \"serving_default\","
                + " \"instances\": [" + ROW + "]}").body());
        assertThat(named.get("predictions").get(0).get(0).asDouble()).isEqualTo(p);
    }

    @Test
    void requestsTheDocumentationForbidsAreErrors() throws Exception {
        HttpResponse<String> both = post("/v1/models/ctr:predict", "{\"instances\": [" + ROW + "], \"inputs\": {\"x0\": [1]}}");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(error(both)).contains("Not both");

        HttpResponse<String> signature = post("/v1/models/ctr:predict", "{\"signature_name\": \"classify_x\","
                + " \"instances\": [" + ROW + "]}");
        assertThat(signature.statusCode()).isEqualTo(400);
        assertThat(error(signature)).contains("\"classify_x\"").contains("not found in signature def");

        HttpResponse<String> ragged = post("/v1/models/ctr:predict", "{\"inputs\": {\"x0\": [1, 2], \"x1\": [3]}}");
        assertThat(error(ragged)).contains("differ in length");
        assertThat(post("/v1/models/ctr:classify", "{\"examples\": []}").statusCode()).isEqualTo(400);
        HttpResponse<String> method = get("/v1/models/ctr:predict");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(error(method)).contains("POST");
    }

    @Test
    void binaryValuesAsB64AndTheNanTokenAreAccepted() throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(5, 3, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        String b64 = java.util.Base64.getEncoder().encodeToString(png.toByteArray());
        HttpResponse<String> response = post("/v1/models/ctr:predict", "{\"instances\": [{\"x0\": NaN, \"x1\": 2,"
                + " \"c0\": \"cat1\", \"c1\": \"noise2\", \"banner\": {\"b64\": \"" + b64 + "\"}}]}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("predictions")).hasSize(1);
    }

    @Test
    void metadataIsTheDocumentedGetModelMetadataResponseWithTheSignatureDef() throws Exception {
        HttpResponse<String> response = get("/v1/models/ctr/labels/production/metadata");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode metadata = JSON.readTree(response.body());
        assertThat(metadata.get("model_spec")).isEqualTo(JSON.readTree(
                "{\"name\": \"ctr\", \"signature_name\": \"\", \"version\": \"1\"}"));
        JsonNode signature = metadata.get("metadata").get("signature_def").get("signature_def").get("serving_default");
        assertThat(signature.get("method_name").asText()).isEqualTo("tensorflow/serving/predict");
        JsonNode probability = signature.get("outputs").get("probability");
        assertThat(probability.get("dtype").asText()).isEqualTo("DT_FLOAT");
        assertThat(probability.get("tensor_shape")).isEqualTo(JSON.readTree(
                "{\"dim\": [{\"size\": \"-1\", \"name\": \"\"}, {\"size\": \"1\", \"name\": \"\"}], \"unknown_rank\": false}"));
        assertThat(probability.get("name").asText()).isNotEmpty();
        assertThat(signature.get("inputs").fieldNames()).toIterable().isNotEmpty();
    }

    private static String error(HttpResponse<String> response) throws IOException {
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.fieldNames()).toIterable().as(response.body()).containsExactly("error");
        return body.get("error").asText();
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.post(path, body);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.get(path);
    }
}
