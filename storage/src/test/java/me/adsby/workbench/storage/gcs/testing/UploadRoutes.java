package me.adsby.workbench.storage.gcs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Uploads ({@code /upload/storage/v1/b/{bucket}/o}): {@code uploadType=media}, {@code multipart} and
 * {@code resumable}. A resumable session starts with a POST that answers its URI in {@code Location}; PUTs with
 * {@code Content-Range: bytes a-b/*} add chunks and answer 308 with {@code Range: bytes=0-n}; the PUT that
 * reaches the total size (or {@code bytes *}{@code /total}) finishes it with 200 and the object. Preconditions
 * are checked when the session starts and again, atomically, when the object is stored.
 */
final class UploadRoutes {

    private final GcsTestServer server;

    UploadRoutes(GcsTestServer server) {
        this.server = server;
    }

    void handle(HttpExchange exchange, String method, String bucket, Map<String, String> query) throws IOException {
        FakeBucket fake = server.bucketOrThrow(bucket);
        String type = query.getOrDefault("uploadType", "");
        if (query.containsKey("upload_id")) {
            if (!method.equals("PUT") && !method.equals("POST")) {
                throw new GcsHttpException(405, "invalid", method + " is not served for upload sessions");
            }
            resumableChunk(exchange, fake, server.uploads().get(query.get("upload_id")));
            return;
        }
        if (!method.equals("POST")) {
            throw new GcsHttpException(405, "invalid", method + " is not served for uploads");
        }
        switch (type) {
            case "media" -> media(exchange, fake, query);
            case "multipart" -> multipart(exchange, fake, query);
            case "resumable" -> startResumable(exchange, fake, query);
            default -> throw GcsHttpException.badRequest("Unknown uploadType: '" + type + "'");
        }
    }

    private void media(HttpExchange exchange, FakeBucket bucket, Map<String, String> query) throws IOException {
        String name = query.get("name");
        if (name == null || name.isEmpty()) {
            throw GcsHttpException.badRequest("Required parameter 'name' is missing");
        }
        checkDenied(bucket, name);
        byte[] data = Http.body(exchange);
        StoredObject stored = bucket.put(name, data, exchange.getRequestHeaders().getFirst("Content-Type"),
                Preconditions.target(query));
        Http.sendJson(exchange, 200, GcsJson.object(stored, server.url()));
    }

    private void multipart(HttpExchange exchange, FakeBucket bucket, Map<String, String> query) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        MultipartBody body = MultipartBody.parse(contentType, Http.body(exchange));
        JsonNode metadata = GcsJson.MAPPER.readTree(body.metadata());
        String name = metadata != null && metadata.hasNonNull("name") ? metadata.get("name").asText() : query.get("name");
        if (name == null || name.isEmpty()) {
            throw GcsHttpException.badRequest("Required field 'name' is missing");
        }
        checkDenied(bucket, name);
        String type = metadata != null && metadata.hasNonNull("contentType") ? metadata.get("contentType").asText()
                : body.mediaContentType();
        StoredObject stored = bucket.put(name, body.media(), type, Preconditions.target(query));
        Http.sendJson(exchange, 200, GcsJson.object(stored, server.url()));
    }

    private void startResumable(HttpExchange exchange, FakeBucket bucket, Map<String, String> query)
            throws IOException {
        byte[] raw = Http.body(exchange);
        JsonNode metadata = raw.length == 0 ? null : GcsJson.MAPPER.readTree(raw);
        String name = metadata != null && metadata.hasNonNull("name") ? metadata.get("name").asText() : query.get("name");
        if (name == null || name.isEmpty()) {
            throw GcsHttpException.badRequest("Required field 'name' is missing");
        }
        checkDenied(bucket, name);
        String type = metadata != null && metadata.hasNonNull("contentType") ? metadata.get("contentType").asText()
                : exchange.getRequestHeaders().getFirst("X-Upload-Content-Type");
        Preconditions conditions = Preconditions.target(query);
        conditions.check(bucket.get(name));
        String id = server.uploads().start(new ResumableUploads.Session(bucket.name(), name, type, conditions));
        exchange.getResponseHeaders().set("Location", server.url() + "/upload/storage/v1/b/" + bucket.name()
                + "/o?uploadType=resumable&upload_id=" + id);
        Http.send(exchange, 200, new byte[0]);
    }

    private void resumableChunk(HttpExchange exchange, FakeBucket bucket, ResumableUploads.Session session)
            throws IOException {
        byte[] chunk = Http.body(exchange);
        String contentRange = exchange.getRequestHeaders().getFirst("Content-Range");
        synchronized (session) {
            if (session.result != null) {
                Http.sendJson(exchange, 200, GcsJson.object(session.result, server.url()));
                return;
            }
            long total;
            if (contentRange == null) {
                append(session, 0, chunk);
                total = session.received.size();
            } else {
                ContentRange range = ContentRange.parse(contentRange);
                if (range.first() >= 0) {
                    append(session, range.first(), chunk);
                } else if (chunk.length > 0) {
                    throw GcsHttpException.badRequest("A body with Content-Range 'bytes */...' is not allowed");
                }
                total = range.total();
            }
            long size = session.received.size();
            if (total >= 0 && size > total) {
                throw GcsHttpException.badRequest("Received " + size + " bytes, more than the total " + total);
            }
            if (total >= 0 && size == total) {
                session.result = bucket.put(session.name, session.received.toByteArray(), session.contentType,
                        session.conditions);
                Http.sendJson(exchange, 200, GcsJson.object(session.result, server.url()));
                return;
            }
            if (size > 0) {
                exchange.getResponseHeaders().set("Range", "bytes=0-" + (size - 1));
            }
            Http.send(exchange, 308, new byte[0]);
        }
    }

    /** Adds a chunk that starts at {@code first}; bytes the session already holds (a resent chunk) are skipped. */
    private static void append(ResumableUploads.Session session, long first, byte[] chunk) {
        long have = session.received.size();
        if (first > have) {
            throw new GcsHttpException(400, "invalid", "Chunk starts at " + first + " but only " + have
                    + " bytes were received");
        }
        int skip = (int) Math.min(chunk.length, have - first);
        session.received.write(chunk, skip, chunk.length - skip);
    }

    private void checkDenied(FakeBucket bucket, String name) {
        int status = server.faults().deniedStatus(bucket.name(), name);
        if (status > 0) {
            throw new GcsHttpException(status, GcsHttpException.reasonFor(status), "test-account does not have "
                    + "storage.objects.create access to the Google Cloud Storage object " + bucket.name() + "/" + name
                    + ". Permission 'storage.objects.create' denied on resource (or it may not exist).");
        }
    }

    /** A {@code Content-Range: bytes a-b/total} header; -1 stands for {@code *}. */
    record ContentRange(long first, long last, long total) {

        static ContentRange parse(String header) {
            String text = header.trim();
            if (!text.startsWith("bytes ")) {
                throw GcsHttpException.badRequest("Bad Content-Range: " + header);
            }
            String[] parts = text.substring("bytes ".length()).trim().split("/");
            if (parts.length != 2) {
                throw GcsHttpException.badRequest("Bad Content-Range: " + header);
            }
            try {
                long total = parts[1].equals("*") ? -1 : Long.parseLong(parts[1]);
                if (parts[0].equals("*")) {
                    return new ContentRange(-1, -1, total);
                }
                long[] bounds = Arrays.stream(parts[0].split("-")).mapToLong(Long::parseLong).toArray();
                return new ContentRange(bounds[0], bounds[1], total);
            } catch (RuntimeException e) {
                throw GcsHttpException.badRequest("Bad Content-Range: " + header);
            }
        }
    }
}
