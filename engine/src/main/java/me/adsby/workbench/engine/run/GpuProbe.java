package me.adsby.workbench.engine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Whether runs can train on a local GPU here, and if not, why: the TensorFlow GPU natives must be installed
 * (they are a separate, 525 MB download chosen at launch) and an NVIDIA GPU must be present.
 */
public final class GpuProbe {

    /** The file name of the GPU natives jar. */
    public static final String GPU_NATIVES = "tensorflow-core-native-1.1.0-linux-x86_64-gpu.jar";

    private final List<Path> nativeFolders;
    private final Function<List<String>, Optional<String>> command;

    /**
     * @param nativeFolders where to look for the GPU natives jar (the app's lib folder, the Maven repository)
     * @param command       runs a command and returns its output, empty when it cannot run
     */
    GpuProbe(List<Path> nativeFolders, Function<List<String>, Optional<String>> command) {
        this.nativeFolders = List.copyOf(nativeFolders);
        this.command = command;
    }

    /** Looks in the folder of the running natives and in the local Maven repository; asks {@code nvidia-smi}. */
    public static GpuProbe ofThisMachine() {
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "tensorflow",
                "tensorflow-core-native", "1.1.0");
        return new GpuProbe(List.of(Path.of(System.getProperty("workbench.lib", "app/target/lib")), m2),
                GpuProbe::run);
    }

    /** The outcome: the natives jar to use, or why a GPU run is not possible. */
    public record Availability(Optional<Path> gpuNatives, String reason) {
        public boolean available() {
            return gpuNatives.isPresent();
        }
    }

    public Availability check() {
        Optional<Path> natives = nativeFolders.stream()
                .map(folder -> folder.resolve(GPU_NATIVES))
                .filter(Files::isRegularFile)
                .findFirst();
        if (natives.isEmpty()) {
            return new Availability(Optional.empty(), "TensorFlow's GPU natives (" + GPU_NATIVES + ", about 525 MB) "
                    + "are not installed; build once with: mvn -B -Pgpu -DskipTests package");
        }
        Optional<String> gpus = command.apply(List.of("nvidia-smi", "-L"));
        if (gpus.isEmpty() || gpus.get().lines().noneMatch(line -> line.startsWith("GPU "))) {
            return new Availability(Optional.empty(), "no NVIDIA GPU found: nvidia-smi is missing or lists none");
        }
        return new Availability(natives, gpus.get().lines().findFirst().orElse("GPU"));
    }

    private static Optional<String> run(List<String> commandLine) {
        try {
            Process process = new ProcessBuilder(commandLine).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new String(output, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
