package me.adsby.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import me.adsby.workbench.app.models.ModelsViewModel.ModelRow;
import me.adsby.workbench.app.models.ModelsViewModel.VersionRow;
import me.adsby.workbench.app.models.RegistryFixture;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.dataset.check.PreviewRow;
import me.adsby.workbench.storage.history.NewRun;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunRow;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Models screen on Monocle: a home whose registry holds a model with two versions (published before the
 * app starts, the first from a run in the history). Ctrl+4 shows them; version 2 is labelled production
 * through the confirm dialog; the registry is served locally and a row of a dataset predicted in Try it; the
 * source run's link opens the run on the Runs screen.
 */
class ModelsScreenTest extends FxRobot {

    private static final Pattern PROBABILITY = Pattern.compile("Click probability ([0-9.]+) ");

    @TempDir
    static Path temp;

    private WorkbenchApplication application;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stopApp() throws Exception {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void versionsAreListedLabelledServedAndTried() throws Exception {
        WorkbenchHome home = WorkbenchHome.open(Files.createTempDirectory(temp, "home"));
        Path savedModel = RegistryFixture.trainModel(Files.createTempDirectory(temp, "training"));
        Path csv = RegistryFixture.dataset(Files.createTempDirectory(temp, "data"), 5);
        String runId;
        try (RunHistory history = RunHistory.open(home.history())) {
            Run run = history.createRun(new NewRun("first ctr model", "ctr", TrainingTarget.LOCAL_CPU,
                    home.runs().resolve(NewRun.RUN_ID).toString(), "multimodal", Map.of()));
            runId = run.id();
            Registry registry = RegistryFixture.registry(home.registry(), history, "ann");
            registry.addVersion("ctr", savedModel, RegistryFixture.card(runId, 0.70, 0.60));
            registry.addVersion("ctr", savedModel, RegistryFixture.card("run-elsewhere", 0.74, 0.57));
            registry.label("ctr", 1, Registry.PRODUCTION);
        }
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(home));

        press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitFor(() -> modelsList().getItems().size() == 1 && versions().getItems().size() == 2);
        assertThat(modelsList().getItems().get(0)).isEqualTo(new ModelRow("ctr", 2, 1L, null));
        assertThat(onFx(() -> versions().getItems().get(0).labels())).containsExactly(Registry.PRODUCTION);
        assertThat(lookup("#modelsCard").queryTextInputControl().getText()).contains("source run: run-elsewhere");

        // Version 2 (selected: the newest) becomes production after the confirm dialog.
        clickOn("#modelsLabelProduction");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(lookup((Button button) -> "_Label".equals(button.getText())).queryButton());
        waitFor(() -> versions().getItems().size() == 2 && versions().getItems().get(1).labels().contains(Registry.PRODUCTION));
        assertThat(onFx(() -> versions().getItems().get(0).labels())).isEmpty();
        assertThat(onFx(() -> modelsList().getItems().get(0).production())).isEqualTo(2L);
        assertThat(lookup("#modelsRollback").queryButton().isDisabled()).as("production was version 1 before").isFalse();

        // Serve locally, then try a row of the dataset.
        clickOn("#modelsServe");
        waitFor(() -> lookup("#modelsServeAddress").queryAs(Label.class).getText().startsWith("Serving at http://127.0.0.1:"));
        assertThat(lookup("#modelsServeAddress").queryAs(Label.class).getText()).endsWith("/v1/models/ctr");
        clickOn("#modelsTabTry");
        interact(() -> lookup("#modelsTryDataset").queryAs(TextField.class).setText(csv.toString()));
        closeNotifications();
        clickOn("#modelsTryLoad");
        waitFor(() -> tryRows().getItems().size() == 5);
        interact(() -> tryRows().getSelectionModel().select(3));
        closeNotifications();
        clickOn("#modelsPredict");
        waitFor(() -> lookup("#modelsTryResult").queryAs(Label.class).getText().startsWith("Click probability"));
        String result = lookup("#modelsTryResult").queryAs(Label.class).getText();
        Matcher matcher = PROBABILITY.matcher(result);
        assertThat(matcher.find()).as(result).isTrue();
        assertThat(Double.parseDouble(matcher.group(1))).isStrictlyBetween(0.0, 1.0);
        assertThat(result.toLowerCase(Locale.ROOT)).contains("production", "line 5");

        // The first version's source run opens on the Runs screen.
        closeNotifications();
        clickOn("#modelsTabVersions");
        Hyperlink link = lookup((Hyperlink shown) -> runId.equals(shown.getText())).query();
        clickOn(link);
        waitFor(() -> lookup("#runsTable").tryQuery().isPresent() && lookup("#runsTable").query().isVisible()
                && runIdSelected(runId));
    }

    /** Notifications show at the top right for a few seconds, over the screen's controls: close them. */
    private void closeNotifications() throws Exception {
        for (Node close : onFx(() -> List.<Node>copyOf(lookup(".notification-close").queryAll()))) {
            clickOn(close);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean runIdSelected(String runId) {
        TableView<RunRow> runs = lookup("#runsTable").queryTableView();
        RunRow selected = runs.getSelectionModel().getSelectedItem();
        return selected != null && selected.run().id().equals(runId);
    }

    @SuppressWarnings("unchecked")
    private ListView<ModelRow> modelsList() {
        return lookup("#modelsList").queryAs(ListView.class);
    }

    private TableView<VersionRow> versions() {
        return lookup("#modelsVersions").queryTableView();
    }

    private TableView<PreviewRow> tryRows() {
        return lookup("#modelsTryRows").queryTableView();
    }

    private void waitFor(Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Supplier<T> read) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return read.get();
        }
        return WaitForAsyncUtils.asyncFx(read::get).get(10, TimeUnit.SECONDS);
    }
}
