package me.adsby.workbench.storage.gcs.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Small HTTP helpers of the {@link GcsTestServer}: path segments, query parameters, bodies, responses. */
final class Http {

    private Http() {
    }

    /** The path's segments, percent-decoded one by one (so {@code %2F} inside an object name stays in it). */
    static List<String> segments(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        for (String part : raw.split("/")) {
            if (!part.isEmpty()) {
                segments.add(decodePathSegment(part));
            }
        }
        return segments;
    }

    static String decodePathSegment(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** An object name as one path segment, as the JSON API wants it. */
    static String encodeSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    /** The request body, un-gzipped when {@code Content-Encoding: gzip} (the Java client gzips multipart uploads). */
    static byte[] body(HttpExchange exchange) throws IOException {
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream raw = exchange.getRequestBody(); InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** Reads and drops what is left of the request body, so an error answer can follow; never throws. */
    static void drain(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the body was read and closed already
        }
    }

    static void sendJson(HttpExchange exchange, int status, Object json) throws IOException {
        byte[] bytes = GcsJson.MAPPER.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        send(exchange, status, bytes);
    }

    static void send(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    static void sendError(HttpExchange exchange, int status, String reason, String message) throws IOException {
        sendJson(exchange, status, GcsJson.error(status, reason, message));
    }
}
