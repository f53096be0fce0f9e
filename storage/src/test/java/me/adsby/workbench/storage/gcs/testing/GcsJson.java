package me.adsby.workbench.storage.gcs.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The JSON API's resources (object, bucket, listing, rewrite response, error) as the test server writes them. */
final class GcsJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private GcsJson() {
    }

    /** RFC 3339 with milliseconds, as GCS writes {@code updated} and {@code timeCreated}. */
    static String time(Instant instant) {
        return RFC_3339_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static ObjectNode object(StoredObject o, String baseUrl) {
        ObjectNode node = MAPPER.createObjectNode();
        String encoded = Http.encodeSegment(o.name());
        node.put("kind", "storage#object");
        node.put("id", o.bucket() + "/" + o.name() + "/" + o.generation());
        node.put("selfLink", baseUrl + "/storage/v1/b/" + o.bucket() + "/o/" + encoded);
        node.put("mediaLink", baseUrl + "/download/storage/v1/b/" + o.bucket() + "/o/" + encoded
                + "?generation=" + o.generation() + "&alt=media");
        node.put("name", o.name());
        node.put("bucket", o.bucket());
        node.put("generation", Long.toString(o.generation()));
        node.put("metageneration", Long.toString(o.metageneration()));
        node.put("contentType", o.contentType());
        node.put("storageClass", "STANDARD");
        node.put("size", Long.toString(o.size()));
        node.put("md5Hash", o.md5());
        node.put("crc32c", o.crc32c());
        node.put("etag", etag(o));
        node.put("timeCreated", time(o.created()));
        node.put("updated", time(o.updated()));
        node.put("timeStorageClassUpdated", time(o.created()));
        return node;
    }

    static String etag(StoredObject o) {
        return "\"" + Long.toHexString(o.generation()) + "-" + o.metageneration() + "\"";
    }

    static ObjectNode bucket(FakeBucket b, String baseUrl) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", "storage#bucket");
        node.put("id", b.name());
        node.put("selfLink", baseUrl + "/storage/v1/b/" + b.name());
        node.put("name", b.name());
        node.put("projectNumber", "123456789");
        node.put("metageneration", "1");
        node.put("location", "US");
        node.put("storageClass", "STANDARD");
        node.put("etag", "CAE=");
        node.put("timeCreated", time(b.created()));
        node.put("updated", time(b.created()));
        return node;
    }

    static ObjectNode listing(FakeBucket.Listing listing, String baseUrl) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", "storage#objects");
        if (listing.nextPageToken() != null) {
            node.put("nextPageToken", listing.nextPageToken());
        }
        if (!listing.prefixes().isEmpty()) {
            ArrayNode prefixes = node.putArray("prefixes");
            listing.prefixes().forEach(prefixes::add);
        }
        if (!listing.items().isEmpty()) {
            ArrayNode items = node.putArray("items");
            listing.items().forEach(o -> items.add(object(o, baseUrl)));
        }
        return node;
    }

    static ObjectNode rewriteDone(StoredObject o, String baseUrl) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", "storage#rewriteResponse");
        node.put("totalBytesRewritten", Long.toString(o.size()));
        node.put("objectSize", Long.toString(o.size()));
        node.put("done", true);
        node.set("resource", object(o, baseUrl));
        return node;
    }

    /** Google's JSON error format: {@code {"error":{"code","message","errors":[{"message","domain","reason"}]}}}. */
    static ObjectNode error(int status, String reason, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", status);
        error.put("message", message);
        ObjectNode detail = error.putArray("errors").addObject();
        detail.put("message", message);
        detail.put("domain", "global");
        detail.put("reason", reason);
        return root;
    }
}
