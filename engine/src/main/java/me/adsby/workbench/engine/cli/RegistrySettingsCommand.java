package me.adsby.workbench.engine.cli;

import java.io.IOException;
import java.util.Map;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.engine.registry.RegistrySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench registry settings [--config-poll-seconds N]}: what the registry records of its TF Serving. */
@Command(name = "settings", mixinStandardHelpOptions = true, description = {"Show, or record, what the registry knows of"
    + " the TF Serving that reads it: its config poll interval (--model_config_file_poll_wait_seconds), which label"
    + " moves wait out when no --serving-url is given."})
final class RegistrySettingsCommand extends RegistryCommand.Sub {

    @Option(names = "--config-poll-seconds", paramLabel = "N", description = "Record TF Serving's config poll interval"
            + " (60 until one is recorded; TF Serving polls only when started with it).")
    Long configPollSeconds;

    @Override
    boolean changes() {
        return false;
    }

    @Override
    int run(Registry registry) throws IOException {
        RegistrySettings settings = RegistrySettings.read(registry.store(), registry.root());
        if (configPollSeconds != null) {
            settings = new RegistrySettings(configPollSeconds);
            settings.write(registry.store(), registry.root());
        }
        if (json) {
            JsonOutput.print(out(), Map.of("registry", registry.root().toString(), "config_poll_seconds",
                    settings.configPollSeconds()));
        } else {
            out().printf("%s: TF Serving polls models.config every %d s%s%n", registry.root(), settings.configPollSeconds(),
                    configPollSeconds == null ? "" : " (recorded)");
        }
        return 0;
    }
}
