package me.adsby.workbench.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.SettingsStore;

/** The JavaFX application: reads the settings off the FX thread, then builds and shows the main window. */
public final class WorkbenchApplication extends Application {

    private static final String HOME_PARAMETER = "home";

    private WorkbenchHome home;
    private SettingsStore store;
    private SettingsStore.Loaded loaded;
    private RunsBackend runs;
    private CompositionRoot root;

    /** For {@link Application#launch}: the home comes as the {@code --home=} parameter. */
    public WorkbenchApplication() {
    }

    /** For tests, which start the application themselves. */
    WorkbenchApplication(WorkbenchHome home) {
        this.home = home;
    }

    /** Opens the desktop app on the home and returns when its window is closed. */
    static void open(WorkbenchHome home) {
        Application.launch(WorkbenchApplication.class, "--" + HOME_PARAMETER + "=" + home.root());
    }

    @Override
    public void init() throws Exception {
        if (home == null) {
            home = WorkbenchHome.open(Path.of(getParameters().getNamed().get(HOME_PARAMETER)));
        }
        store = new SettingsStore(home.settingsFile());
        loaded = store.loadOrSetAside();
        runs = RunsBackend.open(home, loaded.settings());
    }

    @Override
    public void start(Stage stage) {
        root = new CompositionRoot(home, store, loaded, runs, stage);
        stage.show();
        root.shown();
    }

    @Override
    public void stop() {
        if (root != null) {
            root.close();
        }
        if (runs != null) {
            runs.close();
        }
    }
}
