package me.adsby.workbench.storage.gcs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/** Bucket and object requests of the {@link GcsTestServer}: create bucket, list, get, download, delete, copy. */
final class ObjectRoutes {

    private static final int MAX_RESULTS = 1000;

    private final GcsTestServer server;
    private final MediaDownload media;

    ObjectRoutes(GcsTestServer server) {
        this.server = server;
        this.media = new MediaDownload(server.faults());
    }

    void createBucket(HttpExchange exchange) throws IOException {
        JsonNode body = GcsJson.MAPPER.readTree(Http.body(exchange));
        String name = body == null || body.path("name").asText().isEmpty() ? null : body.path("name").asText();
        if (name == null) {
            throw GcsHttpException.badRequest("Required field 'name' is missing");
        }
        Http.sendJson(exchange, 200, GcsJson.bucket(server.createBucketByApi(name), server.url()));
    }

    void getBucket(HttpExchange exchange, String bucket) throws IOException {
        Http.sendJson(exchange, 200, GcsJson.bucket(server.bucketOrThrow(bucket), server.url()));
    }

    void list(HttpExchange exchange, String bucket, Map<String, String> query) throws IOException {
        FakeBucket fake = server.bucketOrThrow(bucket);
        int maxResults = MAX_RESULTS;
        if (query.containsKey("maxResults")) {
            try {
                maxResults = Math.min(MAX_RESULTS, Integer.parseInt(query.get("maxResults")));
            } catch (NumberFormatException e) {
                throw GcsHttpException.badRequest("Invalid value for maxResults: " + query.get("maxResults"));
            }
            if (maxResults < 1) {
                throw GcsHttpException.badRequest("Invalid value for maxResults: " + query.get("maxResults"));
            }
        }
        // 'fields', 'projection', 'userProject' and 'prettyPrint' are accepted; the full resource is sent.
        FakeBucket.Listing listing = fake.list(query.getOrDefault("prefix", ""), query.get("delimiter"), maxResults,
                query.get("pageToken"));
        Http.sendJson(exchange, 200, GcsJson.listing(listing, server.url()));
    }

    void getObject(HttpExchange exchange, String bucket, String name, Map<String, String> query) throws IOException {
        StoredObject object = current(bucket, name, query);
        Http.sendJson(exchange, 200, GcsJson.object(object, server.url()));
    }

    void download(HttpExchange exchange, String bucket, String name, Map<String, String> query) throws IOException {
        media.serve(exchange, current(bucket, name, query));
    }

    void delete(HttpExchange exchange, String bucket, String name, Map<String, String> query) throws IOException {
        FakeBucket fake = server.bucketOrThrow(bucket);
        checkGenerationParameter(fake, name, query);
        fake.delete(name, Preconditions.target(query));
        Http.send(exchange, 204, new byte[0]);
    }

    void copy(HttpExchange exchange, String sourceBucket, String sourceName, String targetBucket, String targetName,
            Map<String, String> query, boolean rewrite) throws IOException {
        byte[] body = Http.body(exchange);
        JsonNode metadata = body.length == 0 ? null : GcsJson.MAPPER.readTree(body);
        FakeBucket from = server.bucketOrThrow(sourceBucket);
        FakeBucket to = server.bucketOrThrow(targetBucket);
        StoredObject source = from.get(sourceName);
        String sourceGeneration = query.get("sourceGeneration");
        if (source == null || (sourceGeneration != null && !sourceGeneration.equals(Long.toString(source.generation())))) {
            throw GcsHttpException.noSuchObject(sourceBucket, sourceName);
        }
        Preconditions.source(query).check(source);
        String contentType = metadata != null && metadata.hasNonNull("contentType")
                ? metadata.get("contentType").asText() : source.contentType();
        StoredObject copied = to.put(targetName, source.data(), contentType, Preconditions.target(query));
        Http.sendJson(exchange, 200, rewrite ? GcsJson.rewriteDone(copied, server.url())
                : GcsJson.object(copied, server.url()));
    }

    /** The live object, after the {@code generation} parameter and the preconditions. */
    private StoredObject current(String bucket, String name, Map<String, String> query) {
        FakeBucket fake = server.bucketOrThrow(bucket);
        StoredObject object = checkGenerationParameter(fake, name, query);
        Preconditions.target(query).check(object);
        return object;
    }

    private static StoredObject checkGenerationParameter(FakeBucket fake, String name, Map<String, String> query) {
        StoredObject object = fake.get(name);
        String generation = query.get("generation");
        if (object == null || (generation != null && !generation.equals(Long.toString(object.generation())))) {
            throw GcsHttpException.noSuchObject(fake.name(), name);
        }
        return object;
    }
}
