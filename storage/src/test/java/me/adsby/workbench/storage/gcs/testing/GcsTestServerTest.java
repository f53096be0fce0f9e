package me.adsby.workbench.storage.gcs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test server speaks the JSON API as Google documents it. Expected values: the documented resource and
 * error formats, and the standard check values of "123456789" (CRC32C 0xE3069283, MD5
 * 25f9e794323b453885f5181f1b624d0b).
 */
class GcsTestServerTest {

    static GcsTestServer server;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = GcsTestServer.start();
        server.createBucket("t");
        server.putObject("t", "dir/check.txt", "123456789".getBytes(StandardCharsets.US_ASCII), "text/plain");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return GcsJson.MAPPER.readTree(response.body());
    }

    @Test
    void objectMetadataHasTheDocumentedFields() throws Exception {
        HttpResponse<String> response = send(at("/storage/v1/b/t/o/dir%2Fcheck.txt?projection=full&prettyPrint=false").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode object = json(response);
        assertThat(object.get("kind").asText()).isEqualTo("storage#object");
        assertThat(object.get("name").asText()).isEqualTo("dir/check.txt");
        assertThat(object.get("bucket").asText()).isEqualTo("t");
        assertThat(object.get("size").isTextual()).isTrue();
        assertThat(object.get("size").asText()).isEqualTo("9");
        assertThat(object.get("metageneration").asText()).isEqualTo("1");
        assertThat(object.get("crc32c").asText()).isEqualTo("4waSgw==");
        assertThat(object.get("md5Hash").asText()).isEqualTo("JfnnlDI7RTiF9RgfG2JNCw==");
        assertThat(object.get("updated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void rangesAnswer206WithContentRangeAnd416PastTheEnd() throws Exception {
        HttpResponse<String> part = send(at("/download/storage/v1/b/t/o/dir%2Fcheck.txt?alt=media").header("Range", "bytes=2-4").GET());
        HttpResponse<String> past = send(at("/storage/v1/b/t/o/dir%2Fcheck.txt?alt=media").header("Range", "bytes=9-").GET());

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo("345");
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 2-4/9");
        assertThat(part.headers().firstValue("x-goog-hash")).hasValue("crc32c=4waSgw==,md5=JfnnlDI7RTiF9RgfG2JNCw==");
        assertThat(past.statusCode()).isEqualTo(416);
    }

    @Test
    void errorsUseGooglesJsonFormat() throws Exception {
        HttpResponse<String> response = send(at("/storage/v1/b/t/o/absent").GET());

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(404);
        assertThat(error.get("message").asText()).isEqualTo("No such object: t/absent");
        assertThat(error.get("errors").get(0).get("reason").asText()).isEqualTo("notFound");
        assertThat(error.get("errors").get(0).get("domain").asText()).isEqualTo("global");
    }

    @Test
    void listingsRollUpPrefixesAndPage() throws Exception {
        server.createBucket("l");
        for (String name : new String[] {"a/1", "a/2", "b/1", "c", "d"}) {
            server.putObject("l", name, new byte[1], null);
        }

        JsonNode first = json(send(at("/storage/v1/b/l/o?delimiter=%2F&maxResults=3").GET()));
        JsonNode second = json(send(at("/storage/v1/b/l/o?delimiter=%2F&maxResults=3&pageToken="
                + first.get("nextPageToken").asText()).GET()));

        // Entries in name order: a/ (prefix), b/ (prefix), c, d; maxResults counts both kinds.
        assertThat(first.get("prefixes")).extracting(JsonNode::asText).containsExactly("a/", "b/");
        assertThat(first.get("items")).extracting(i -> i.get("name").asText()).containsExactly("c");
        assertThat(second.has("prefixes")).isFalse();
        assertThat(second.get("items")).extracting(i -> i.get("name").asText()).containsExactly("d");
        assertThat(second.has("nextPageToken")).isFalse();
    }

    @Test
    void resumableUploadAnswers308WithRangeUntilTheLastChunk() throws Exception {
        HttpResponse<String> started = send(at("/upload/storage/v1/b/t/o?uploadType=resumable&name=r.txt")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        String session = started.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(session)).header("Content-Range", "bytes 0-3/*")
                .PUT(HttpRequest.BodyPublishers.ofString("1234")));
        HttpResponse<String> status = send(HttpRequest.newBuilder(URI.create(session)).header("Content-Range", "bytes */*")
                .PUT(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> last = send(HttpRequest.newBuilder(URI.create(session)).header("Content-Range", "bytes 4-8/9")
                .PUT(HttpRequest.BodyPublishers.ofString("56789")));

        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(first.statusCode()).isEqualTo(308);
        assertThat(first.headers().firstValue("Range")).hasValue("bytes=0-3");
        assertThat(status.statusCode()).isEqualTo(308);
        assertThat(status.headers().firstValue("Range")).hasValue("bytes=0-3");
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(json(last).get("crc32c").asText()).isEqualTo("4waSgw==");
    }

    @Test
    void ifGenerationMatchZeroRefusesAnExistingObject() throws Exception {
        HttpResponse<String> response = send(at("/upload/storage/v1/b/t/o?uploadType=media&name=dir%2Fcheck.txt&ifGenerationMatch=0")
                .POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(412);
        assertThat(json(response).get("error").get("errors").get(0).get("reason").asText()).isEqualTo("conditionNotMet");
    }

    @Test
    void bucketsCanBeCreatedThroughTheApiOnce() throws Exception {
        HttpRequest.Builder create = at("/storage/v1/b?project=test-project").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"made-by-api\"}"));

        assertThat(send(create).statusCode()).isEqualTo(200);
        assertThat(send(create).statusCode()).isEqualTo(409);
    }

    @Test
    void theRealClientsMultipartUploadAndCopyWork() throws Exception {
        Storage storage = server.client();
        try {
            Blob created = storage.create(BlobInfo.newBuilder("t", "multi.txt").setContentType("text/plain").build(),
                    "123456789".getBytes(StandardCharsets.US_ASCII));
            Blob copied = storage.copy(Storage.CopyRequest.of("t", "multi.txt", "copied.txt")).getResult();

            assertThat(server.requests()).anyMatch(r -> r.contains("uploadType=multipart"));
            assertThat(created.getCrc32c()).isEqualTo("4waSgw==");
            assertThat(created.getContentType()).isEqualTo("text/plain");
            assertThat(copied.getMd5()).isEqualTo("JfnnlDI7RTiF9RgfG2JNCw==");
            assertThat(new String(storage.readAllBytes(BlobId.of("t", "copied.txt")), StandardCharsets.US_ASCII))
                    .isEqualTo("123456789");
        } finally {
            storage.close();
        }
    }
}
