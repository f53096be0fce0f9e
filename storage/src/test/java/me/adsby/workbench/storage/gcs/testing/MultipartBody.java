package me.adsby.workbench.storage.gcs.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A {@code multipart/related} upload body: the JSON metadata part, then the media part (RFC 2387, as the JSON
 * API's {@code uploadType=multipart} describes).
 */
record MultipartBody(byte[] metadata, byte[] media, String mediaContentType) {

    static MultipartBody parse(String contentType, byte[] body) {
        String boundary = boundary(contentType);
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break;
            }
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                break;
            }
            parts.add(Arrays.copyOfRange(body, skipLineEnd(body, start), trimLineEnd(body, next)));
            at = next;
        }
        if (parts.size() != 2) {
            throw GcsHttpException.badRequest("A multipart upload needs 2 parts, not " + parts.size());
        }
        Part meta = Part.of(parts.get(0));
        Part media = Part.of(parts.get(1));
        return new MultipartBody(media.body().length == 0 && meta.body().length == 0 ? new byte[0] : meta.body(),
                media.body(), media.contentType());
    }

    private static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            throw GcsHttpException.badRequest("A multipart upload needs a multipart/related Content-Type");
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String value = p.substring("boundary=".length());
                return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
            }
        }
        throw GcsHttpException.badRequest("The multipart Content-Type has no boundary");
    }

    /** One part: its headers and body. */
    private record Part(String contentType, byte[] body) {
        static Part of(byte[] raw) {
            int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            if (split < 0) {
                return new Part(null, raw);
            }
            String headers = new String(raw, 0, split, StandardCharsets.ISO_8859_1);
            String type = null;
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Type")) {
                    type = line.substring(colon + 1).trim();
                }
            }
            return new Part(type, Arrays.copyOfRange(raw, split + 4, raw.length));
        }
    }

    private static int skipLineEnd(byte[] body, int at) {
        return at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n' ? at + 2 : at;
    }

    private static int trimLineEnd(byte[] body, int at) {
        return at >= 2 && body[at - 2] == '\r' && body[at - 1] == '\n' ? at - 2 : at;
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
