package me.adsby.workbench.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Asks a TF Serving REST endpoint (or {@code workbench serve}) for the version's state,
 * {@code GET URL/v1/models/NAME/versions/N}, every {@code every} until it answers {@code AVAILABLE}, for at
 * most {@code timeout}; each request has its own short timeout. A version that ends (fails to load) or never
 * becomes available is an error with TF Serving's last answer.
 */
public final class ServingStatusWait implements VersionAvailability {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final Duration timeout;
    private final Duration every;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    public ServingStatusWait(URI endpoint, Duration timeout, Duration every, Clock clock) {
        String scheme = endpoint.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("The serving URL must be http:// or https://, not " + endpoint);
        }
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.every = every;
        this.clock = clock;
    }

    @Override
    public void await(String model, long version, Instant servedSince, ProgressListener progress, Cancellation cancel)
            throws IOException {
        URI status = URI.create(endpoint.toString().replaceAll("/+$", "") + "/v1/models/"
                + URLEncoder.encode(model, StandardCharsets.UTF_8) + "/versions/" + version);
        Instant deadline = clock.instant().plus(timeout);
        String last = "no answer yet";
        while (true) {
            cancel.throwIfCancelled();
            progress.report(0, 1, "Asking " + endpoint + " whether version " + version + " of " + model + " is AVAILABLE ("
                    + last + ")");
            last = ask(status);
            if (last.equals("AVAILABLE")) {
                return;
            }
            if (last.startsWith("END")) {
                throw new IOException("TF Serving at " + endpoint + " failed to load version " + version + " of " + model
                        + ": " + last + "; the label was not moved");
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new IOException("TF Serving at " + endpoint + " did not report version " + version + " of " + model
                        + " AVAILABLE within " + timeout.toSeconds() + " s (its last answer: " + last + "); the label was not"
                        + " moved and the move stays pending");
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while asking " + endpoint);
            }
        }
    }

    /** The version's state as the endpoint answers it, or what went wrong asking. */
    private String ask(URI status) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(status).timeout(REQUEST_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = RegistryJson.MAPPER.readTree(response.body());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode() + ": " + body.path("error").asText(response.body());
            }
            JsonNode first = body.path("model_version_status").path(0);
            String state = first.path("state").asText("no state");
            String message = first.path("status").path("error_message").asText("");
            return message.isEmpty() ? state : state + ": " + message;
        } catch (IOException e) {
            return "cannot reach it: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public String describe() {
        return "TF Serving at " + endpoint + " reporting the version AVAILABLE (at most " + timeout.toSeconds() + " s)";
    }
}
