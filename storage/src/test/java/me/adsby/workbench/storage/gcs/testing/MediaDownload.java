package me.adsby.workbench.storage.gcs.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Serves an object's bytes ({@code alt=media}): the whole object (200) or one {@code Range: bytes=a-b},
 * {@code bytes=a-} or {@code bytes=-n} (206 with {@code Content-Range}); a range that starts past the end is
 * 416. Sends the {@code x-goog-generation}, {@code x-goog-hash} and related headers that GCS sends.
 */
final class MediaDownload {

    private final Faults faults;

    MediaDownload(Faults faults) {
        this.faults = faults;
    }

    void serve(HttpExchange exchange, StoredObject object) throws IOException {
        long size = object.size();
        long start = 0;
        long end = size - 1;
        int status = 200;
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range != null && range.startsWith("bytes=") && size > 0) {
            String spec = range.substring("bytes=".length()).trim();
            int dash = spec.indexOf('-');
            if (dash < 0) {
                throw GcsHttpException.badRequest("Bad Range header: " + range);
            }
            try {
                if (dash == 0) {
                    long suffix = Long.parseLong(spec.substring(1));
                    start = Math.max(0, size - suffix);
                } else {
                    start = Long.parseLong(spec.substring(0, dash));
                    if (dash < spec.length() - 1) {
                        end = Math.min(end, Long.parseLong(spec.substring(dash + 1)));
                    }
                }
            } catch (NumberFormatException e) {
                throw GcsHttpException.badRequest("Bad Range header: " + range);
            }
            if (start >= size) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
                throw new GcsHttpException(416, "requestedRangeNotSatisfiable", "Request range not satisfiable");
            }
            status = 206;
        }
        long length = Math.max(0, end - start + 1);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", object.contentType());
        headers.set("ETag", GcsJson.etag(object));
        headers.set("x-goog-generation", Long.toString(object.generation()));
        headers.set("x-goog-metageneration", Long.toString(object.metageneration()));
        headers.set("x-goog-hash", "crc32c=" + object.crc32c() + ",md5=" + object.md5());
        headers.set("x-goog-stored-content-length", Long.toString(size));
        headers.set("x-goog-stored-content-encoding", "identity");
        headers.set("x-goog-storage-class", "STANDARD");
        headers.set("Accept-Ranges", "bytes");
        if (status == 206) {
            headers.set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        long cutAfter = faults.takeDownloadReset();
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length == 0) {
            exchange.close();
            return;
        }
        OutputStream out = exchange.getResponseBody();
        if (cutAfter >= 0 && cutAfter < length) {
            out.write(object.data(), (int) start, (int) cutAfter);
            out.flush();
            throw new JsonApiHandler.InjectedReset("Injected connection reset after " + cutAfter + " bytes");
        }
        out.write(object.data(), (int) start, (int) length);
        out.close();
        exchange.close();
    }
}
