package me.adsby.workbench.engine.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.model.ExportedModels;
import me.adsby.workbench.engine.model.ModelFeatures;
import me.adsby.workbench.engine.model.ServingModel;
import me.adsby.workbench.engine.registry.ModelCard;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Local serving of one row of the multimodal model (2 numeric, 2 categorical columns, a 300x250 PNG banner sent
 * as base64, letterboxed to 64x64, the default network) over loopback HTTP, against two in-process peers on the
 * same row: the model alone ({@link ServingModel#predict} on a ready batch), and the request's own work without
 * HTTP (JSON parse, base64, PNG decode, letterbox, predict). Sample time: the p50 and p99 come with the
 * score. One client thread: low load.
 *
 * <p>Run: {@code java -cp <engine test classpath> org.openjdk.jmh.Main ServingBenchmark -f 1 -wi 2 -i 3}
 * (see src/docs/benchmarks.md for the command that builds that classpath without installing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class ServingBenchmark {

    private static final int SIDE = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path folder;
    private PredictionServer server;
    private HttpClient client;
    private HttpRequest request;
    private ServingModel direct;
    private Batch row;
    private InstanceReader reader;
    private String body;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = Files.createTempDirectory("serving-bench");
        Path model = ExportedModels.multimodal(folder, SIDE);
        LocalBlobStore store = new LocalBlobStore();
        Registry registry = new Registry(store, BlobUri.local(folder.resolve("registry")), null, "bench", Clock.systemUTC());
        long version = registry.addVersion("ctr", model, ModelCard.of(null, null, null, null, Map.of(), null));
        registry.label("ctr", version, Registry.PRODUCTION);
        server = PredictionServer.start(registry, ServerOptions.defaults().withPort(0));
        body = "{\"instances\": [{\"x0\": 5.25, \"x1\": \"NA\", \"c0\": \"cat3\", \"c1\": \"noise7\", \"banner\": {\"b64\": \""
                + banner() + "\"}}]}";
        client = HttpClient.newHttpClient();
        request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/models/ctr:predict"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        direct = ServingModel.load(model);
        reader = new InstanceReader(ModelFeatures.read(model).orElseThrow(), new RequestImages(ServerOptions.defaults()));
        try {
            row = reader.read(JSON.readTree(body).get("instances"));
        } catch (BadRequestException e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        server.close();
        direct.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    /** The peer: the model alone on a ready row. */
    @Benchmark
    public float[] modelOnly() {
        return direct.predict(row);
    }

    /** The request's work in process: JSON, base64, PNG decode, letterbox, predict. */
    @Benchmark
    public float[] requestWorkInProcess() throws IOException, BadRequestException {
        JsonNode instances = JSON.readTree(body).get("instances");
        return direct.predict(reader.read(instances));
    }

    /** The whole request over loopback HTTP. */
    @Benchmark
    public String httpPredict() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.body());
        }
        return response.body();
    }

    /** A 300x250 banner: a background, a block of colour and a bar, as PNG in base64 (a few kilobytes). */
    private static String banner() throws IOException {
        BufferedImage image = new BufferedImage(300, 250, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(240, 236, 220));
            g.fillRect(0, 0, 300, 250);
            g.setColor(new Color(200, 40, 40));
            g.fillRect(20, 30, 120, 90);
            g.setColor(new Color(30, 90, 200));
            g.fillRoundRect(60, 180, 180, 40, 12, 12);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
