package me.adsby.workbench.engine.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.WriteCondition;

/**
 * What the registry records about the TF Serving that reads it, {@code <registry>/}{@value #FILE}: how often
 * TF Serving polls {@code models.config} ({@code --model_config_file_poll_wait_seconds}), which label moves wait
 * out when no serving URL can say a version is loaded. The file's name is no model name, and TF Serving reads
 * only the config file it is given, so neither trips over it.
 *
 * @param configPollSeconds TF Serving's config poll interval, in seconds
 */
public record RegistrySettings(long configPollSeconds) {

    public static final String FILE = "workbench_registry.json";
    public static final long DEFAULT_CONFIG_POLL_SECONDS = 60;
    public static final RegistrySettings DEFAULTS = new RegistrySettings(DEFAULT_CONFIG_POLL_SECONDS);

    public RegistrySettings {
        if (configPollSeconds < 0 || configPollSeconds > 86_400) {
            throw new IllegalArgumentException("The config poll interval must be 0 to 86400 s, not " + configPollSeconds);
        }
    }

    public Duration configPoll() {
        return Duration.ofSeconds(configPollSeconds);
    }

    /** The registry's settings; the defaults when it records none. */
    public static RegistrySettings read(BlobStore store, BlobUri root) throws IOException {
        try (InputStream in = store.open(root.resolve(FILE))) {
            return RegistryJson.MAPPER.readValue(in, RegistrySettings.class);
        } catch (BlobNotFoundException e) {
            return DEFAULTS;
        }
    }

    public void write(BlobStore store, BlobUri root) throws IOException {
        store.write(root.resolve(FILE), new ByteArrayInputStream(RegistryJson.MAPPER.writeValueAsBytes(this)),
                "application/json", WriteCondition.NONE);
    }
}
