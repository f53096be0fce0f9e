package me.adsby.workbench.engine.run;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The command that starts a worker JVM for a run: this JVM's Java and class path (with TensorFlow's GPU
 * natives in place of the CPU ones for a GPU run), the TensorFlow native cache and quiet native logs, and
 * {@code workbench worker --run-dir URI} on the same home and GCS settings.
 */
public final class WorkerCommandLine {

    static final String MAIN_CLASS = "me.adsby.workbench.engine.cli.HeadlessMain";
    static final String CPU_NATIVES_SUFFIX = "tensorflow-core-native-1.1.0-linux-x86_64.jar";

    private final String java;
    private final String classPath;
    private final List<String> jvmOptions;
    private final List<String> globalOptions;

    /**
     * @param globalOptions options before {@code worker}: {@code --home}, {@code --gcs-project}, {@code --gcs-endpoint}
     */
    public WorkerCommandLine(String java, String classPath, List<String> jvmOptions, List<String> globalOptions) {
        this.java = java;
        this.classPath = classPath;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.globalOptions = List.copyOf(globalOptions);
    }

    /** The command line of this JVM, for workers on the given home. */
    public static WorkerCommandLine ofThisJvm(Path home, List<String> gcsOptions) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvm = new ArrayList<>(List.of("-Xmx3g", "-Djava.awt.headless=true"));
        Optional.ofNullable(System.getProperty("org.bytedeco.javacpp.cachedir"))
                .ifPresent(cache -> jvm.add("-Dorg.bytedeco.javacpp.cachedir=" + cache));
        List<String> global = new ArrayList<>(List.of("--home", home.toString()));
        global.addAll(gcsOptions);
        return new WorkerCommandLine(java, System.getProperty("java.class.path"), jvm, global);
    }

    /** The command for a run; with GPU natives, they replace the CPU natives on the class path. */
    public List<String> command(RunDirectory directory, Optional<Path> gpuNatives) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(gpuNatives.map(this::withGpuNatives).orElse(classPath));
        command.add(MAIN_CLASS);
        command.addAll(globalOptions);
        command.add("worker");
        command.add("--run-dir");
        command.add(directory.root().toString());
        return command;
    }

    private String withGpuNatives(Path natives) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .map(entry -> entry.endsWith(CPU_NATIVES_SUFFIX) ? natives.toString() : entry)
                .collect(Collectors.joining(File.pathSeparator));
    }
}
