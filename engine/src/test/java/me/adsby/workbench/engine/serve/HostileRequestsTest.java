package me.adsby.workbench.engine.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
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
 * {@code workbench serve} against requests meant to hurt it: slow clients, oversized bodies, files, devices and
 * {@code gs://} objects named as images, numbers outside float's range, trailing bytes and other malformed JSON.
 * Each must be refused (or outlived) with a clear error while the server goes on answering others.
 */
class HostileRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 2;

    @TempDir
    static Path temp;

    static Path roots;
    static Path outside;
    static PredictionServer server;
    static ServingClient client;

    @BeforeAll
    static void serve() throws IOException {
        Path model = ExportedModels.multimodal(temp);
        Registry registry = new Registry(new LocalBlobStore(), BlobUri.local(temp.resolve("registry")), null, "ann",
                Clock.systemUTC());
        registry.addVersion("ctr", model, ModelCard.of(null, null, null, null, Map.of(), null));
        roots = Files.createDirectories(temp.resolve("images"));
        outside = Files.createDirectories(temp.resolve("private"));
        ServerOptions options = ServerOptions.defaults().withPort(0).withMaxBodyBytes(1 << 20).withMaxInstances(50)
                .withImageRoots(List.of(roots)).withImageLimits(64 * 1024, 1_000_000)
                .withTimeouts(Duration.ofMillis(1_500), 1024).withThreads(THREADS);
        server = PredictionServer.start(registry, options);
        client = new ServingClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void clientsThatStallMidRequestNeitherFreezeTheServerNorStayConnected() throws Exception {
        // Twice as many stalled clients as predictor threads, each with its headers sent and its body promised
        // but not sent: the JDK's server gave each a thread until the client went away.
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 2 * THREADS + 2; i++) {
            Socket socket = new Socket("127.0.0.1", server.port());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/models/ctr:predict HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000\r\n\r\n{\"inst").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            stalled.add(socket);
        }
        HttpResponse<String> status = get("/v1/models/ctr");
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        // The race happened: while that answer came, every stalled client was still connected and unanswered.
        for (Socket socket : stalled) {
            socket.setSoTimeout(1);
            try {
                int read = socket.getInputStream().read();
                assertThat(read).as("a stalled client got an answer or was closed before the good one").isEqualTo(-2);
            } catch (SocketTimeoutException stillWaiting) {
                // nothing received yet: still connected and pending
            }
        }
        // Then the server closes them: it does not wait for them forever (the idle timeout is 1.5 s here).
        for (Socket socket : stalled) {
            socket.setSoTimeout(20_000);
            assertThat(drain(socket.getInputStream())).as("the server closed the stalled connection").isTrue();
            socket.close();
        }
    }

    @Test
    void aClientTricklingItsBodyIsCutOffAtItsOwnDeadlineWhileOthersKeepTheServerBusy() throws Exception {
        // 5,000 bytes declared at a minimum of 1,024 bytes a second: 4.9 s to send them (idle timeout 1.5 s, so
        // the deadline is 4.9 s). The client sends a byte every 200 ms, well above the idle timeout's silence.
        try (Socket trickler = new Socket("127.0.0.1", server.port())) {
            OutputStream out = trickler.getOutputStream();
            out.write(("POST /v1/models/ctr:predict HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            trickler.setSoTimeout(200);
            StringBuilder answer = new StringBuilder();
            int good = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (answer.length() == 0 && System.nanoTime() < deadline) {
                // Other clients keep the server busy meanwhile: a server-wide data rate would count their bytes.
                if (get("/v1/models/ctr").statusCode() == 200) {
                    good++;
                }
                try {
                    out.write('{');
                    out.flush();
                } catch (java.net.SocketException closed) {
                    break;
                }
                try {
                    byte[] bytes = trickler.getInputStream().readNBytes(12);
                    answer.append(new String(bytes, StandardCharsets.US_ASCII));
                } catch (SocketTimeoutException nothingYet) {
                    // still reading its body
                }
            }
            if (answer.length() == 0) {
                trickler.setSoTimeout(10_000);
                answer.append(new String(trickler.getInputStream().readNBytes(12), StandardCharsets.US_ASCII));
            }
            assertThat(good).as("others were answered while the trickler sent").isPositive();
            assertThat(answer.toString()).as("the trickler was cut off with 408, not left open").startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void oversizedBodiesAndTooManyInstancesAreRefused() throws Exception {
        // Content-Length over the 1 MiB limit: refused on the header, before the body.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /v1/models/ctr:predict HTTP/1.1\r\nHost: x\r\nContent-Length: "
                    + (1L << 40) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
        // A chunked body with no Content-Length that grows past the limit.
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(uri("/v1/models/ctr:predict"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"instances\": [\"" + "9".repeat((1 << 20) + 10) + "\"]}").getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(error(chunked)).contains("over the limit of 1048576 bytes");

        StringBuilder many = new StringBuilder("{\"instances\": [");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("{\"x0\": 1}");
        }
        HttpResponse<String> tooMany = post(many.append("]}").toString());
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(error(tooMany)).contains("51 instances, over this server's limit of 50");
    }

    @Test
    void filesDevicesAndBucketObjectsNamedAsImagesAreNeverRead() throws Exception {
        Path secret = Files.write(outside.resolve("secret.png"), png(4, 4));
        Path escape = Files.createSymbolicLink(roots.resolve("escape.png"), secret);
        Path allowed = Files.write(roots.resolve("ok.png"), png(4, 4));

        assertThat(error(postImage("\"" + secret + "\""))).contains("outside the image roots");
        assertThat(error(postImage("\"" + escape + "\""))).as("a symlink out of the root").contains("outside the image roots");
        assertThat(error(postImage("\"/dev/zero\""))).contains("outside the image roots");
        assertThat(error(postImage("\"/etc/shadow\""))).doesNotContain("ermission").contains("/etc/shadow");
        assertThat(error(postImage("\"gs://someone-elses-bucket/ad.png\""))).contains("gs://someone-elses-bucket/ad.png");
        assertThat(error(postImage("\"" + roots.resolve("../private/secret.png") + "\""))).contains("outside the image roots");
        assertThat(postImage("\"" + allowed + "\"").statusCode()).isEqualTo(200);
        assertThat(postImage("{\"b64\": \"" + Base64.getEncoder().encodeToString(png(4, 4)) + "\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void imagesOverTheByteOrPixelLimitAreRefusedBeforeDecoding() throws Exception {
        // A PNG whose header claims 7000 x 7000 (49 M pixels; the limit here is 1 M): refused on its header.
        HttpResponse<String> huge = postImage("{\"b64\": \"" + Base64.getEncoder().encodeToString(pngHeader(7000, 7000))
                + "\"}");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(error(huge)).contains("7000 x 7000").contains("over the limit of 1.0 megapixels");
        byte[] big = new byte[64 * 1024 + 1];
        HttpResponse<String> heavy = postImage("{\"b64\": \"" + Base64.getEncoder().encodeToString(big) + "\"}");
        assertThat(error(heavy)).contains("over the limit of 65536 bytes");
    }

    @Test
    void numbersOutsideFloatsRangeTrailingBytesAndMalformedJsonAre400() throws Exception {
        String row = "\"x1\": 2, \"c0\": \"a\", \"c1\": \"b\", \"banner\": \"\"";
        for (String number : List.of("1e39", "-1e39", "\"3.5e38\"", "1e400", "Infinity", "-Infinity")) {
            HttpResponse<String> response = post("{\"instances\": [{\"x0\": " + number + ", " + row + "}]}");
            assertThat(response.statusCode()).as(number).isEqualTo(400);
            assertThat(error(response)).as(number).contains("outside the range of a 32-bit float");
        }
        // NaN is TF Serving's token for a missing float, and missing is what the model reads NaN as.
        assertThat(post("{\"instances\": [{\"x0\": NaN, " + row + "}]}").statusCode()).isEqualTo(200);

        String good = "{\"instances\": [{\"x0\": 1, " + row + "}]}";
        assertThat(post(good).statusCode()).isEqualTo(200);
        assertThat(error(post(good + " {}"))).contains("JSON Parse error");
        assertThat(error(post(good + "garbage"))).contains("JSON Parse error");
        assertThat(error(post("{\"instances\": [{\"x0\": 1, \"x0\": 2, " + row + "}]}"))).contains("Duplicate field");
        assertThat(error(post("{\"instances\": " + "[".repeat(40) + "]".repeat(40) + "}"))).contains("JSON Parse error");
        assertThat(error(post("[1, 2]"))).contains("one JSON object");
        assertThat(error(post("{\"instances\": [{\"x0\": 1, " + row + "}], \"extra\": 1}"))).contains("Unknown field \"extra\"");
    }

    private static HttpResponse<String> postImage(String image) throws IOException, InterruptedException {
        return post("{\"instances\": [{\"x0\": 1, \"x1\": 2, \"c0\": \"a\", \"c1\": \"b\", \"banner\": " + image + "}]}");
    }

    /** Reads until the server closes the connection; true when it did (EOF or a reset), within the timeout. */
    private static boolean drain(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // an error answer (408 or 400) before the close is fine
            }
            return true;
        } catch (java.net.SocketException reset) {
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** A PNG signature and IHDR chunk (8-bit RGB) claiming the size, then IEND: a header with no pixels. */
    private static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    private static String error(HttpResponse<String> response) throws IOException {
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.has("error")).as(response.body()).isTrue();
        return body.get("error").asText();
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return client.post("/v1/models/ctr:predict", body);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.get(path);
    }

    private static URI uri(String path) {
        return client.uri(path);
    }
}
