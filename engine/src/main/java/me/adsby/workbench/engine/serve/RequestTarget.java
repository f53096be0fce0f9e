package me.adsby.workbench.engine.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * What a request's path asks for, in TF Serving's REST layout:
 * {@code /v1/models/NAME[/versions/N | /labels/L][/metadata | :predict]}.
 *
 * @param model   the model's name
 * @param version the version asked for, or null
 * @param label   the label asked for, or null
 * @param verb    what is asked: the status, the metadata, or a prediction
 */
record RequestTarget(String model, Long version, String label, Verb verb) {

    /** What a path asks for. */
    enum Verb { STATUS, METADATA, PREDICT }

    static final String PREFIX = "/v1/models/";

    static RequestTarget parse(String rawPath) throws BadRequestException {
        if (!rawPath.startsWith(PREFIX)) {
            throw BadRequestException.notFound("Malformed request: " + rawPath);
        }
        String rest = rawPath.substring(PREFIX.length());
        Verb verb = Verb.STATUS;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0) {
            String method = rest.substring(colon + 1);
            if (!method.equals("predict")) {
                throw BadRequestException.badRequest("This server answers :predict only; the model has no :" + method
                        + " signature");
            }
            verb = Verb.PREDICT;
            rest = rest.substring(0, colon);
        } else if (rest.endsWith("/metadata")) {
            verb = Verb.METADATA;
            rest = rest.substring(0, rest.length() - "/metadata".length());
        }
        String[] parts = rest.split("/", -1);
        String model = decode(parts[0]);
        if (model.isEmpty()) {
            throw BadRequestException.notFound("Malformed request: " + rawPath);
        }
        if (parts.length == 1) {
            return new RequestTarget(model, null, null, verb);
        }
        if (parts.length == 3 && parts[1].equals("versions")) {
            try {
                return new RequestTarget(model, Long.parseLong(parts[2]), null, verb);
            } catch (NumberFormatException e) {
                throw BadRequestException.badRequest("'" + parts[2] + "' is not a version number");
            }
        }
        if (parts.length == 3 && parts[1].equals("labels") && !parts[2].isEmpty()) {
            return new RequestTarget(model, null, decode(parts[2]), verb);
        }
        throw BadRequestException.notFound("Malformed request: " + rawPath);
    }

    private static String decode(String part) throws BadRequestException {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BadRequestException.badRequest("Malformed request path: " + e.getMessage());
        }
    }

    /** How TF Serving names the servable in its messages: Latest(ctr), Specific(ctr, 2) or Label(ctr, production). */
    String servable() {
        if (version != null) {
            return "Specific(" + model + ", " + version + ")";
        }
        return label != null ? "Label(" + model + ", " + label + ")" : "Latest(" + model + ")";
    }
}
