package me.adsby.workbench.storage.gcs.testing;

/** An error the {@link GcsTestServer} answers in Google's JSON error format. */
final class GcsHttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    GcsHttpException(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    static GcsHttpException noSuchObject(String bucket, String name) {
        return new GcsHttpException(404, "notFound", "No such object: " + bucket + "/" + name);
    }

    static GcsHttpException noSuchBucket() {
        return new GcsHttpException(404, "notFound", "The specified bucket does not exist.");
    }

    static GcsHttpException preconditionFailed() {
        return new GcsHttpException(412, "conditionNotMet", "At least one of the pre-conditions you specified did not hold.");
    }

    static GcsHttpException badRequest(String message) {
        return new GcsHttpException(400, "invalid", message);
    }

    /** The status's usual reason in GCS errors. */
    static String reasonFor(int status) {
        return switch (status) {
            case 401 -> "required";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 412 -> "conditionNotMet";
            case 429 -> "rateLimitExceeded";
            case 503 -> "backendError";
            default -> status >= 500 ? "backendError" : "invalid";
        };
    }
}
