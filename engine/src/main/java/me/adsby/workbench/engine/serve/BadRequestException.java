package me.adsby.workbench.engine.serve;

/** A request the server answers with an HTTP error status and {@code {"error": message}}. */
final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    static BadRequestException badRequest(String message) {
        return new BadRequestException(400, message);
    }

    static BadRequestException notFound(String message) {
        return new BadRequestException(404, message);
    }

    int status() {
        return status;
    }
}
