package me.adsby.workbench.app;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import me.adsby.workbench.app.about.AboutView;
import me.adsby.workbench.app.about.AboutViewModel;
import me.adsby.workbench.app.data.BrowserViewModel;
import me.adsby.workbench.app.data.DataView;
import me.adsby.workbench.app.data.DatasetView;
import me.adsby.workbench.app.data.DatasetViewModel;
import me.adsby.workbench.app.data.DriftViewModel;
import me.adsby.workbench.app.data.FirstFolder;
import me.adsby.workbench.app.data.StorageImages;
import me.adsby.workbench.app.data.StoreProvider;
import me.adsby.workbench.app.fx.FxDialogService;
import me.adsby.workbench.app.notify.NotificationPane;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.compare.CompareView;
import me.adsby.workbench.app.compare.CompareViewModel;
import me.adsby.workbench.app.compare.GroupComparisonModel;
import me.adsby.workbench.app.publish.PublishDialog;
import me.adsby.workbench.app.publish.PublishViewModel;
import me.adsby.workbench.app.models.ModelsView;
import me.adsby.workbench.app.models.ModelsViewModel;
import me.adsby.workbench.app.models.ServingViewModel;
import me.adsby.workbench.app.runs.NewRunView;
import me.adsby.workbench.app.runs.NewRunViewModel;
import me.adsby.workbench.app.runs.RunChanges;
import me.adsby.workbench.app.runs.RunPageView;
import me.adsby.workbench.app.runs.RunPageViewModel;
import me.adsby.workbench.app.runs.RunsView;
import me.adsby.workbench.app.runs.RunsViewModel;
import me.adsby.workbench.app.settings.SettingsView;
import me.adsby.workbench.app.settings.SettingsViewModel;
import me.adsby.workbench.app.settings.UserSettings;
import me.adsby.workbench.app.shell.AppIcon;
import me.adsby.workbench.app.shell.MainView;
import me.adsby.workbench.app.shell.MainViewModel;
import me.adsby.workbench.app.shell.PlannedScreen;
import me.adsby.workbench.app.shell.Screen;
import me.adsby.workbench.app.shell.StatusBar;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.FxTaskExecutor;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.engine.compare.GroupComparer;
import me.adsby.workbench.engine.publish.Publisher;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.engine.run.RunManager;
import me.adsby.workbench.engine.serve.ServerOptions;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.SettingsStore;

/** Builds the desktop app's objects and wires them, by constructor, in one place. FX thread only. */
final class CompositionRoot implements AutoCloseable {

    private final TaskExecutor tasks;
    private final TaskExecutor thumbnails;
    private final StoreProvider stores;
    private final RunsBackend runs;
    private RunsView runsView;
    private ServingViewModel serving;

    /**
     * @param loaded the settings read in {@code Application.init}, off the FX thread, and whether the file was bad
     */
    CompositionRoot(WorkbenchHome home, SettingsStore store, SettingsStore.Loaded loaded, RunsBackend runs,
            Stage stage) {
        this.runs = runs;
        Notifications notifications = new Notifications(home.logs().resolve(LogFiles.FILE_NAME));
        tasks = new FxTaskExecutor(notifications::error);
        thumbnails = FxTaskExecutor.bounded("thumbnails", 2, notifications::error);
        UserSettings settings = new UserSettings(loaded.settings(), store, tasks, notifications);
        stores = new StoreProvider(loaded.settings(), closing -> tasks.submit(BackgroundTask.of("Closing stores",
                (progress, cancel) -> {
                    closing.run();
                    return null;
                }).quiet()));
        settings.currentProperty().addListener((property, old, now) -> stores.settingsChanged(now));

        FxDialogService dialogs = new FxDialogService(stage);
        DatasetViewModel dataset = new DatasetViewModel(tasks, stores,
                new StorageImages(stores, home.cache().resolve("thumbnails")), notifications, SchemaStore.of(home));
        DriftViewModel drift = new DriftViewModel(tasks, stores, dataset.statisticsProperty());
        BrowserViewModel browser = new BrowserViewModel(tasks, stores, settings, notifications, dataset::open);
        DataView data = new DataView(browser, dialogs, settings,
                new DatasetView(dataset, drift, tasks, thumbnails).root());
        AboutView about = new AboutView(new AboutViewModel(tasks));
        SettingsView settingsView = new SettingsView(new SettingsViewModel(settings));

        MainViewModel mainModel = new MainViewModel();
        CompareViewModel compare = runs.manager().isEmpty() ? null
                : new CompareViewModel(tasks, runs.manager().get().history(), runs.stores(), notifications);
        Node runsScreen = runsScreen(runs, settings, dialogs, notifications, home, stage, ids -> {
            compare.compare(ids);
            mainModel.show(Screen.COMPARE);
        });
        Node compareScreen = compare == null
                ? new PlannedScreen("Compare", runs.problem().orElse("The run history is not available.")).root()
                : new CompareView(compare, new GroupComparisonModel(tasks,
                        new GroupComparer(runs.manager().get().history())), dialogs).root();

        Map<Screen, Node> screens = Map.of(
                Screen.DATA, data.root(),
                Screen.RUNS, runsScreen,
                Screen.COMPARE, compareScreen,
                Screen.MODELS, modelsScreen(home, runs, dialogs, notifications, runId -> {
                    if (runsView != null) {
                        mainModel.show(Screen.RUNS);
                        runsView.select(runId);
                    }
                }));
        MainView main = new MainView(mainModel, screens, new NotificationPane(notifications).root(),
                new StatusBar(tasks, "Home: " + home.root()).root(), new MainView.Actions() {
                    @Override
                    public void openFolder() {
                        data.browse();
                    }

                    @Override
                    public void showSettings() {
                        settingsView.show(stage);
                    }

                    @Override
                    public void showAbout() {
                        about.show(stage);
                    }
                });

        Scene scene = new Scene(main.root());
        scene.getStylesheets().add(CompositionRoot.class.getResource("workbench.css").toExternalForm());
        stage.setTitle("Workbench");
        stage.getIcons().setAll(AppIcon.fxImages());
        stage.setScene(scene);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1500, screen.getWidth()));
        stage.setHeight(Math.min(950, screen.getHeight()));

        loaded.problem().ifPresent(problem -> notifications.error("Settings were unreadable", problem));
        runs.failure().ifPresent(failure -> notifications.error("Runs are not available", failure));
        new FirstFolder(home, tasks, browser, notifications).open(loaded.settings());
        data.focus();
    }

    private Node runsScreen(RunsBackend backend, UserSettings settings, FxDialogService dialogs,
            Notifications notifications, WorkbenchHome home, Stage stage, Consumer<List<String>> compare) {
        if (backend.manager().isEmpty()) {
            String problem = backend.problem().orElse("The run history is not available.");
            return new PlannedScreen("Runs", problem).root();
        }
        RunManager manager = backend.manager().get();
        Clock clock = Clock.systemUTC();
        RunsViewModel table = new RunsViewModel(tasks, manager.history(), notifications);
        RunPageViewModel page = new RunPageViewModel(tasks, manager, notifications, clock);
        NewRunView newRun = new NewRunView(new NewRunViewModel(tasks, manager, stores, SchemaStore.of(home)), dialogs, settings);
        PublishDialog publish = new PublishDialog(new PublishViewModel(tasks, new Publisher(manager.history(),
                backend.stores(), home.cache(), clock), home.registry(), notifications), dialogs, stage);
        RunsView view = new RunsView(table, page, new RunPageView(page, dialogs, publish::show).root(), newRun, clock,
                compare);
        runsView = view;
        RunChanges changes = new RunChanges(changed -> {
            table.runsChanged(changed);
            if (changed.contains(page.runIdProperty().get())) {
                page.refresh();
            }
        });
        manager.addListener(changes::runChanged);
        return view.root();
    }

    /** The Models screen over {@code <home>/registry}, with this home's audit log; needs the run history. */
    private Node modelsScreen(WorkbenchHome home, RunsBackend backend, FxDialogService dialogs, Notifications notifications,
            Consumer<String> openRun) {
        if (backend.manager().isEmpty()) {
            return new PlannedScreen("Models", backend.problem().orElse("The run history is not available.")).root();
        }
        BlobUri root = BlobUri.local(home.registry());
        Registry registry;
        try {
            registry = new Registry(backend.stores().forUri(root), root, backend.manager().get().history().registry(),
                    Registry.currentUser(), Clock.systemUTC());
        } catch (IOException e) {
            return new PlannedScreen("Models", "The registry " + root + " cannot be opened: " + e.getMessage()).root();
        }
        ModelsViewModel models = new ModelsViewModel(tasks, registry, backend.manager().get().history().registry(),
                notifications);
        serving = new ServingViewModel(tasks, models, backend.stores()::forUri, notifications,
                ServerOptions.DEFAULT_PORT);
        return new ModelsView(models, serving, dialogs, openRun).root();
    }

    /** After the window is shown: the run manager re-attaches to live workers and starts watching runs. */
    void shown() {
        runs.manager().ifPresent(manager -> tasks.submit(BackgroundTask.of("Watching runs", (progress, cancel) -> {
            manager.start();
            return null;
        }).quiet()));
    }

    @Override
    public void close() {
        if (serving != null) {
            serving.close();
        }
        tasks.shutdown();
        thumbnails.shutdown();
        stores.close();
    }
}
