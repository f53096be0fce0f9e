package me.adsby.workbench.engine.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.Letterbox;
import me.adsby.workbench.engine.model.ExportedModels;
import me.adsby.workbench.engine.model.ServingModel;
import me.adsby.workbench.engine.registry.ModelCard;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIDE = ExportedModels.SIDE;

    @TempDir
    static Path temp;

    static Path model;
    static Registry registry;
    static PredictionServer server;
    static HttpClient client;
    static LocalBlobStore store = new LocalBlobStore();

    @BeforeAll
    static void publishAndServe() throws IOException {
        model = ExportedModels.multimodal(temp);
        registry = new Registry(store, BlobUri.local(temp.resolve("registry")), null, "ann", Clock.systemUTC());
        ModelCard card = ModelCard.of(null, null, null, null, Map.of(), null);
        registry.addVersion("ctr", model, card);
        registry.addVersion("ctr", model, card);
        registry.label("ctr", 1, Registry.PRODUCTION);
        ServerOptions options = ServerOptions.defaults().withPort(0).withMaxBodyBytes(1 << 20)
                .withConfigRecheck(Duration.ofMillis(50)).withImageRoots(java.util.List.of(temp));
        server = PredictionServer.start(registry, options);
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void predictionsOverHttpEqualTheModelsOwnForNumbersCategoriesAndImagesAsBytesOrUris() throws Exception {
        // Three rows as a CSV would hold them: a missing number, a missing category, binary words, and images
        // of other sizes than the model's, which the server must letterbox as training does.
        BufferedImage wide = image(40, 22, 1);
        BufferedImage tall = image(9, 30, 2);
        Path tallFile = temp.resolve("tall.png");
        ImageIO.write(tall, "png", tallFile.toFile());
        ArrayNode instances = JSON.createArrayNode();
        instances.addObject().put("x0", 5.5).put("x1", "NA").put("c0", "cat3").put("c1", "noise4")
                .put("unused", "ignored").putObject("banner").put("b64", png(wide));
        instances.addObject().put("x0", "4.25").put("x1", -3).put("c0", " cat1 ").putNull("c1")
                .put("banner", tallFile.toString());
        instances.addObject().put("x0", "yes").put("x1", 12.5).put("c0", "cat0").put("c1", "").put("banner", "");

        HttpResponse<String> response = post("/v1/models/ctr:predict", body(instances));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode predictions = JSON.readTree(response.body()).get("predictions");
        // The same rows built by hand the way training builds them: NaN for missing numbers, "" for missing
        // categories, stripped text, 1 for "yes", letterboxed pixels, zeros for a missing image.
        float[] pixels = new float[3 * SIDE * SIDE * 3];
        copy(Letterbox.rgb(ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(png(wide)))), SIDE), pixels, 0);
        copy(Letterbox.rgb(ImageIO.read(tallFile.toFile()), SIDE), pixels, SIDE * SIDE * 3);
        Batch expected = new Batch(3, new float[] {5.5f, Float.NaN, 4.25f, -3f, 1f, 12.5f},
                new String[] {"cat3", "noise4", "cat1", "", "cat0", ""}, pixels, new float[3], new long[3]);
        float[] direct;
        try (ServingModel serving = ServingModel.load(model)) {
            direct = serving.predict(expected);
        }
        assertThat(predictions).hasSize(3);
        for (int i = 0; i < 3; i++) {
            // TF Serving's row format: the one output, probability of shape [N, 1], gives each instance a list of one.
            assertThat(predictions.get(i)).as("instance " + i).hasSize(1);
            assertThat(predictions.get(i).get(0).floatValue()).as("instance " + i).isEqualTo(direct[i]);
        }
    }

    @Test
    void aMissingFeatureIsA400NamingItAndUnknownModelsVersionsAndLabelsAre404() throws Exception {
        ArrayNode instances = JSON.createArrayNode();
        instances.addObject().put("x0", 1).put("c0", "cat1").put("c1", "a").put("banner", "");
        HttpResponse<String> missing = post("/v1/models/ctr:predict", body(instances));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("lacks the feature 'x1'");

        assertThat(post("/v1/models/nope:predict", body(instances)).statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(get("/v1/models/nope").body()).get("error").asText()).contains("nope");
        assertThat(post("/v1/models/ctr/versions/9:predict", body(instances)).statusCode()).isEqualTo(404);
        assertThat(post("/v1/models/ctr/labels/canary:predict", body(instances)).statusCode()).isEqualTo(404);
        assertThat(post("/v1/models/ctr:predict", "{not json").statusCode()).isEqualTo(400);
        assertThat(get("/v1/models/ctr:predict").statusCode()).isEqualTo(405);
    }

    @Test
    void aBodyOverTheLimitIsA413() throws Exception {
        // The test server's limit is 1 MiB; this body is a few kilobytes more.
        String big = "{\"instances\": [{\"x0\": \"" + "9".repeat((1 << 20) + 4096) + "\"}]}";
        HttpResponse<String> response = post("/v1/models/ctr:predict", big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("error").asText()).contains("over the limit");
    }

    @Test
    void theStatusListsServedVersionsAndALabelMoveIsServedWithoutARestart() throws Exception {
        JsonNode status = JSON.readTree(get("/v1/models/ctr").body()).get("model_version_status");
        assertThat(status).extracting(node -> node.get("version").asText()).containsExactly("2", "1");
        assertThat(status.get(0).get("state").asText()).isEqualTo("AVAILABLE");
        assertThat(status.get(0).get("status").get("error_code").asText()).isEqualTo("OK");
        assertThat(JSON.readTree(get("/v1/models/ctr/labels/production").body()).get("model_version_status").get(0)
                .get("version").asText()).isEqualTo("1");

        registry.label("ctr", 2, Registry.STAGING);
        // The server looks at models.config's generation at most every 50 ms: wait for it to see the move.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> staging;
        do {
            Thread.sleep(20);
            staging = get("/v1/models/ctr/labels/staging");
        } while (staging.statusCode() != 200 && System.nanoTime() < deadline);
        assertThat(staging.statusCode()).as(staging.body()).isEqualTo(200);
        assertThat(JSON.readTree(staging.body()).get("model_version_status").get(0).get("version").asText()).isEqualTo("2");
    }

    private static BufferedImage image(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static String png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static void copy(byte[] rgb, float[] pixels, int offset) {
        for (int i = 0; i < rgb.length; i++) {
            pixels[offset + i] = rgb[i] & 0xFF;
        }
    }

    private static String body(ArrayNode instances) {
        ObjectNode body = JSON.createObjectNode();
        body.set("instances", instances);
        return body.toString();
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
