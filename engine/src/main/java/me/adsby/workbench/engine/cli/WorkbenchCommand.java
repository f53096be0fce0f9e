package me.adsby.workbench.engine.cli;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import me.adsby.workbench.engine.about.VersionInfo;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.GcsOptions;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.Settings;
import me.adsby.workbench.storage.settings.SettingsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code workbench} command: with no subcommand it opens the desktop app. */
@Command(name = "workbench",
        mixinStandardHelpOptions = true,
        versionProvider = WorkbenchCommand.Versions.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Workbench: browse ad datasets, train click-through-rate models, compare runs, publish models.",
            "With no command it opens the desktop app; with a command it runs headless.",
            "Every command takes --json for machine-readable output and exits non-zero on failure."},
        commandListHeading = "%nCommands:%n",
        subcommands = {DemoDataCommand.class, DatasetsCommand.class, TrainCommand.class, RunsCommand.class,
            EvaluateCommand.class, MetricsCommand.class, CompareCommand.class, CompareGroupsCommand.class,
            RegistryCommand.class, ServeCommand.class, PublishCommand.class, WorkerCommand.class})
public final class WorkbenchCommand implements Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Workbench home: history, runs, registry, cache, settings."
                    + " Default: $WORKBENCH_HOME, else ~/.workbench.")
    private String home;

    @Option(names = "--gcs-project", paramLabel = "PROJECT", scope = ScopeType.INHERIT,
            description = "Google Cloud project for gs:// requests. Default: the settings', else the credentials'.")
    private String gcsProject;

    @Option(names = "--gcs-endpoint", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Another GCS endpoint (a private one, or a test server: http:// ones get no credentials).")
    private String gcsEndpoint;

    @Spec
    private CommandSpec spec;

    private final DesktopOpener desktop;
    private final Consumer<WorkbenchHome> onHomeOpened;
    private final Map<String, String> environment;

    WorkbenchCommand(DesktopOpener desktop, Consumer<WorkbenchHome> onHomeOpened, Map<String, String> environment) {
        this.desktop = desktop;
        this.onHomeOpened = onHomeOpened;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (desktop == null) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }
        return desktop.open(openHome());
    }

    /** Opens (creating if needed) the home that {@code --home} or the environment names. */
    public WorkbenchHome openHome() throws IOException {
        WorkbenchHome opened = WorkbenchHome.open(
                WorkbenchHome.locate(home, environment, System.getProperty("user.home")));
        onHomeOpened.accept(opened);
        return opened;
    }

    /**
     * The blob stores for local paths and {@code gs://} URIs: GCS options from the command line, else from the
     * home's settings. The caller closes them.
     */
    public BlobStores openStores() throws IOException {
        Settings settings = new SettingsStore(openHome().settingsFile()).load();
        return new BlobStores(new GcsOptions(
                gcsProject != null ? gcsProject : settings.defaultGcsProject(),
                gcsEndpoint != null ? gcsEndpoint : settings.gcsEndpoint()));
    }

    /** The GCS options given on the command line, to pass on to worker processes. */
    public java.util.List<String> gcsOptions() {
        java.util.List<String> options = new java.util.ArrayList<>();
        if (gcsProject != null) {
            options.add("--gcs-project");
            options.add(gcsProject);
        }
        if (gcsEndpoint != null) {
            options.add("--gcs-endpoint");
            options.add(gcsEndpoint);
        }
        return options;
    }

    /** {@code --version}: Workbench, Java and the TensorFlow Java API (the natives are not loaded for this). */
    static final class Versions implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "Workbench " + VersionInfo.workbenchWithPackage(),
                "Java " + VersionInfo.java(),
                "TensorFlow Java " + VersionInfo.tensorflowJava()};
        }
    }
}
