package me.adsby.workbench.storage.gcs.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Routes the JSON API's paths to {@link ObjectRoutes} and {@link UploadRoutes}, after the injected faults;
 * answers every failure in Google's JSON error format.
 */
final class JsonApiHandler implements HttpHandler {

    private final GcsTestServer server;
    private final ObjectRoutes objects;
    private final UploadRoutes uploads;

    JsonApiHandler(GcsTestServer server) {
        this.server = server;
        this.objects = new ObjectRoutes(server);
        this.uploads = new UploadRoutes(server);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawQuery();
        String range = exchange.getRequestHeaders().getFirst("Range");
        String contentRange = exchange.getRequestHeaders().getFirst("Content-Range");
        server.logRequest(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                + (raw == null ? "" : "?" + raw) + (range == null ? "" : " Range: " + range)
                + (contentRange == null ? "" : " Content-Range: " + contentRange));
        try {
            server.faults().pause();
            int failure = server.faults().takeFailure();
            if (failure > 0) {
                Http.drain(exchange);
                Http.sendError(exchange, failure, GcsHttpException.reasonFor(failure),
                        failure == 429 ? "The rate of change requests to the object is too high; slow down."
                                : "Backend Error (injected)");
                return;
            }
            route(exchange, Http.segments(exchange), Http.query(exchange));
        } catch (GcsHttpException e) {
            Http.drain(exchange);
            Http.sendError(exchange, e.status(), e.reason(), e.getMessage());
        } catch (InjectedReset e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (RuntimeException | IOException e) {
            Http.sendError(exchange, 500, "backendError", "Test server failure: " + e);
        }
    }

    private void route(HttpExchange exchange, List<String> path, Map<String, String> query) throws IOException {
        String method = exchange.getRequestMethod();
        if (startsWith(path, "upload", "storage", "v1", "b") && path.size() >= 6 && path.get(5).equals("o")) {
            uploads.handle(exchange, method, path.get(4), query);
            return;
        }
        boolean download = startsWith(path, "download", "storage", "v1", "b");
        List<String> api = download ? path.subList(1, path.size()) : path;
        if (!startsWith(api, "storage", "v1", "b")) {
            throw new GcsHttpException(404, "notFound", "Not Found: " + exchange.getRequestURI().getRawPath());
        }
        if (api.size() == 3) {
            if (!method.equals("POST")) {
                throw new GcsHttpException(405, "invalid", "Listing buckets is not served by the test server");
            }
            objects.createBucket(exchange);
            return;
        }
        String bucket = api.get(3);
        if (api.size() == 4) {
            denyIfNeeded(bucket, null);
            objects.getBucket(exchange, bucket);
            return;
        }
        if (!api.get(4).equals("o")) {
            throw new GcsHttpException(404, "notFound", "Not Found: " + exchange.getRequestURI().getRawPath());
        }
        if (api.size() == 5) {
            denyIfNeeded(bucket, null);
            objects.list(exchange, bucket, query);
            return;
        }
        int copy = indexOfAny(api, "copyTo", "rewriteTo");
        if (copy > 0) {
            String source = String.join("/", api.subList(5, copy));
            List<String> target = api.subList(copy + 1, api.size());
            if (target.size() < 4 || !target.get(0).equals("b") || !target.get(2).equals("o")) {
                throw GcsHttpException.badRequest("A copy needs /b/{bucket}/o/{object} after " + api.get(copy));
            }
            String targetBucket = target.get(1);
            String targetName = String.join("/", target.subList(3, target.size()));
            denyIfNeeded(bucket, source);
            denyIfNeeded(targetBucket, targetName);
            objects.copy(exchange, bucket, source, targetBucket, targetName, query, api.get(copy).equals("rewriteTo"));
            return;
        }
        String name = String.join("/", api.subList(5, api.size()));
        denyIfNeeded(bucket, name);
        switch (method) {
            case "GET" -> {
                if (download || "media".equals(query.get("alt"))) {
                    objects.download(exchange, bucket, name, query);
                } else {
                    objects.getObject(exchange, bucket, name, query);
                }
            }
            case "DELETE" -> objects.delete(exchange, bucket, name, query);
            default -> throw new GcsHttpException(405, "invalid", method + " is not served for objects");
        }
    }

    private void denyIfNeeded(String bucket, String object) {
        int status = server.faults().deniedStatus(bucket, object);
        if (status > 0) {
            String what = object == null ? "bucket " + bucket : "object " + bucket + "/" + object;
            throw new GcsHttpException(status, GcsHttpException.reasonFor(status), "test-account@test-project.iam"
                    + ".gserviceaccount.com does not have storage.objects.get access to the Google Cloud Storage "
                    + what + ". Permission 'storage.objects.get' denied on resource (or it may not exist).");
        }
    }

    private static boolean startsWith(List<String> path, String... prefix) {
        if (path.size() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!path.get(i).equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfAny(List<String> path, String a, String b) {
        for (int i = 6; i < path.size(); i++) {
            if (path.get(i).equals(a) || path.get(i).equals(b)) {
                return i;
            }
        }
        return -1;
    }

    /** Thrown to close the connection in the middle of a body: the HTTP server then drops the socket. */
    static final class InjectedReset extends IOException {
        private static final long serialVersionUID = 1L;

        InjectedReset(String message) {
            super(message);
        }
    }
}
