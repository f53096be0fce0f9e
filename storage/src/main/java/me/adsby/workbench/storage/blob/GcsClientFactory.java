package me.adsby.workbench.storage.blob;

import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.io.IOException;

/**
 * Builds the Google Cloud Storage client for {@link GcsOptions}: the endpoint rule, credentials and retries.
 * Credentials are handed to the client and never logged or kept elsewhere.
 */
public final class GcsClientFactory {

    /** Where credentials come from; a seam for tests of the "not logged in" message. */
    @FunctionalInterface
    interface CredentialsSource {
        GoogleCredentials load() throws IOException;
    }

    static final String LOGIN_HINT = "run 'gcloud auth application-default login' "
            + "(or set GOOGLE_APPLICATION_CREDENTIALS to a service account key file)";

    private static final int CONNECT_TIMEOUT_MS = 20_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    private GcsClientFactory() {
    }

    /**
     * A client for the options.
     *
     * @throws IOException when Google's endpoint is wanted but no Application Default Credentials exist;
     *                     the message says how to log in
     */
    public static Storage create(GcsOptions options) throws IOException {
        return create(options, GoogleCredentials::getApplicationDefault);
    }

    static Storage create(GcsOptions options, CredentialsSource adc) throws IOException {
        StorageOptions.Builder builder = StorageOptions.http()
                .setRetrySettings(retrySettings(options))
                .setTransportOptions(HttpTransportOptions.newBuilder()
                        .setConnectTimeout(CONNECT_TIMEOUT_MS)
                        .setReadTimeout(READ_TIMEOUT_MS)
                        .build())
                .setCredentials(credentials(options, adc));
        if (options.endpoint() != null) {
            builder.setHost(options.endpoint());
        }
        if (options.projectId() != null) {
            builder.setProjectId(options.projectId());
        } else if (options.usesPlainHttpServer()) {
            builder.setProjectId("test-project");
        }
        return builder.build().getService();
    }

    static RetrySettings retrySettings(GcsOptions options) {
        return RetrySettings.newBuilder()
                .setMaxAttempts(options.maxAttempts())
                .setInitialRetryDelayDuration(options.initialRetryDelay())
                .setMaxRetryDelayDuration(options.maxRetryDelay())
                .setRetryDelayMultiplier(2.0)
                .setTotalTimeoutDuration(options.totalTimeout())
                .setInitialRpcTimeoutDuration(options.totalTimeout())
                .setMaxRpcTimeoutDuration(options.totalTimeout())
                .setRpcTimeoutMultiplier(1.0)
                .build();
    }

    private static Credentials credentials(GcsOptions options, CredentialsSource adc) throws IOException {
        if (options.usesPlainHttpServer()) {
            return NoCredentials.getInstance();
        }
        try {
            return adc.load();
        } catch (IOException e) {
            // The exception's own text can name files but never holds secrets; keep it as the cause.
            throw new IOException("No Google Cloud credentials found: " + LOGIN_HINT + ", then try again.", e);
        }
    }
}
