package me.adsby.workbench.storage.home;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The folder where Workbench keeps everything of one user: run history, runs, the local registry, caches,
 * logs, settings, saved dataset schemas and the demo dataset. Created owner-only.
 *
 * <p>Which folder: {@code --home DIR}, else the {@value #ENVIRONMENT_VARIABLE} environment variable, else
 * {@code ~/.workbench}. Immutable and thread-safe.
 */
public final class WorkbenchHome {

    public static final String ENVIRONMENT_VARIABLE = "WORKBENCH_HOME";
    public static final String DEFAULT_FOLDER_NAME = ".workbench";

    private final Path root;

    private WorkbenchHome(Path root) {
        this.root = root;
    }

    /**
     * Chooses the home folder without touching the disk.
     *
     * @param explicit    the {@code --home} value, or null
     * @param environment the process environment
     * @param userHome    the user's home folder ({@code user.home})
     */
    public static Path locate(String explicit, Map<String, String> environment, String userHome) {
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath().normalize();
        }
        return Path.of(userHome, DEFAULT_FOLDER_NAME).toAbsolutePath().normalize();
    }

    /** Opens the home at {@code root}, creating it and its folders owner-only where missing. */
    public static WorkbenchHome open(Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IOException(root + ": the Workbench home must be a folder, but a file is there");
        }
        WorkbenchHome home = new WorkbenchHome(root.toAbsolutePath().normalize());
        OwnerOnly.folder(home.root);
        for (Path dir : List.of(home.history(), home.runs(), home.registry(), home.cache(), home.logs(),
                home.schemas())) {
            OwnerOnly.folder(dir);
        }
        return home;
    }

    public Path root() {
        return root;
    }

    /** The folder of the H2 run-history database. */
    public Path history() {
        return root.resolve("history");
    }

    public Path runs() {
        return root.resolve("runs");
    }

    /** The default serving registry. */
    public Path registry() {
        return root.resolve("registry");
    }

    /** The saved dataset schemas, one JSON file per dataset URI (see {@code SchemaStore}). */
    public Path schemas() {
        return root.resolve("schemas");
    }

    public Path cache() {
        return root.resolve("cache");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** Where the app writes the synthetic demo dataset on first start. */
    public Path demo() {
        return root.resolve("demo");
    }

    public Path settingsFile() {
        return root.resolve("settings.json");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
