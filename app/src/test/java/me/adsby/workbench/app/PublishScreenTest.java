package me.adsby.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import me.adsby.workbench.engine.input.Batch;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.model.CtrTrainer;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.engine.model.LabelPrior;
import me.adsby.workbench.engine.model.ModelDefinition;
import me.adsby.workbench.engine.model.ModelExporter;
import me.adsby.workbench.engine.model.NumericStats;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.model.ServingModel;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.history.NewRun;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunRow;
import me.adsby.workbench.storage.history.RunStatus;
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
 * Publish and roll back through the windows, on Monocle: two finished runs (the same tiny exported model, so
 * the same predictions) are published one after the other from their run pages as production, each after a
 * passed gate check on a holdout, and the Models screen rolls production back to the first.
 *
 * <p>The holdout's labels are the model's own ranking (above its median score is a click), so its AUC there
 * is 1, above the gate's 0.6; the second run changes nothing against the first (an interval of [0, 0]).
 */
class PublishScreenTest extends FxRobot {

    private static final int ROWS = 40;

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
    void aRunIsPublishedFromItsPageAndProductionIsRolledBackOnTheModelsScreen() throws Exception {
        WorkbenchHome home = WorkbenchHome.open(Files.createTempDirectory(temp, "home"));
        me.adsby.workbench.app.models.RegistryFixture.noPollWait(home.registry());
        Path model = exportTinyModel(temp.resolve("tiny"));
        Path holdout = holdout(model, temp.resolve("holdout.csv"));
        String first;
        String second;
        try (RunHistory history = RunHistory.open(home.history())) {
            first = finishedRun(history, home, "first", model);
            second = finishedRun(history, home, "second", model);
        }
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(home));

        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitFor(() -> runsTable().getItems().size() == 2);
        publish(first, holdout, "Published ctr version 1, labelled production.");
        publish(second, holdout, "Published ctr version 2, labelled production.");
        Registry registry = new Registry(new LocalBlobStore(), BlobUri.local(home.registry()), null, "test",
                Clock.systemUTC());
        assertThat(registry.readConfig().config().model("ctr").orElseThrow().labels()).containsEntry(Registry.PRODUCTION, 2L);

        press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitFor(() -> !lookup("#modelsRollback").queryButton().isDisabled());
        clickOn("#modelsRollback");
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(lookup((Button button) -> "_Rollback".equals(button.getText())).queryButton());
        waitFor(() -> Long.valueOf(1).equals(registry.readConfig().config().model("ctr").orElseThrow().labels()
                .get(Registry.PRODUCTION)));
    }

    private void publish(String runId, Path holdout, String expected) throws Exception {
        interact(() -> {
            TableView<RunRow> table = runsTable();
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).run().id().equals(runId)) {
                    table.getSelectionModel().select(i);
                }
            }
        });
        waitFor(() -> !lookup("#publishRunButton").queryButton().isDisabled());
        clickOn("#publishRunButton");
        waitFor(() -> lookup("#publishModelName").tryQuery().isPresent());
        interact(() -> {
            lookup("#publishModelName").queryAs(TextField.class).setText("ctr");
            @SuppressWarnings("unchecked")
            ComboBox<String> label = lookup("#publishLabel").queryAs(ComboBox.class);
            label.setValue(Registry.PRODUCTION);
            lookup("#publishEvaluationData").queryAs(TextField.class).setText(holdout.toString());
        });
        clickOn("#publishCheck");
        waitFor(() -> lookup("#publishReport").queryTextInputControl().getText().startsWith("Validation gate:")
                || lookup("#publishReport").queryTextInputControl().getText().startsWith("The check failed"));
        assertThat(lookup("#publishReport").queryTextInputControl().getText()).startsWith("Validation gate: PASSED");
        // The report and the button change in one FX callback; this thread may see them a pulse apart.
        waitFor(() -> !lookup("#publishButton").queryButton().isDisabled());
        clickOn("#publishButton");
        waitFor(() -> lookup("#publishReport").queryTextInputControl().getText().startsWith(expected));
        clickOn(lookup((Button button) -> "Close".equals(button.getText())).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableView<RunRow> runsTable() {
        return lookup("#runsTable").queryTableView();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }

    /**
     * A tabular model of one numeric column, {@code bid}, exported as a run exports it, after a few steps on rows
     * that click when the bid is positive (an untrained model predicts its base rate for every row: no ranking).
     */
    private static Path exportTinyModel(Path folder) throws Exception {
        FeatureSpec features = new FeatureSpec(List.of("bid"), List.of(), null, "clicked", 0);
        ModelDefinition definition = new ModelDefinition(Recipe.TABULAR, features, Hyperparameters.defaults(Recipe.TABULAR),
                NumericStats.identity(1), new LabelPrior(0.5));
        float[] bids = new float[ROWS];
        float[] labels = new float[ROWS];
        long[] rows = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            bids[i] = -2f + i / 10f;
            labels[i] = bids[i] > 0 ? 1f : 0f;
            rows[i] = i + 1;
        }
        try (CtrTrainer trainer = CtrTrainer.create(definition, 1)) {
            for (int step = 0; step < 20; step++) {
                trainer.trainStep(new Batch(ROWS, bids, new String[0], new float[0], labels, rows));
            }
            trainer.save(folder.resolve("checkpoint/model"));
        }
        ModelExporter.export(definition, folder.resolve("checkpoint/model"), folder.resolve("model"));
        return folder.resolve("model");
    }

    /** Rows of {@code bid} from -2 to 1.9, labelled 1 where the model scores above its median. */
    private static Path holdout(Path model, Path csv) throws Exception {
        float[] bids = new float[ROWS];
        long[] rows = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            bids[i] = -2f + i / 10f;
            rows[i] = i + 1;
        }
        float[] scores;
        try (ServingModel serving = ServingModel.load(model)) {
            scores = serving.predict(new Batch(ROWS, bids, new String[0], new float[0], new float[ROWS], rows));
        }
        float[] sorted = scores.clone();
        Arrays.sort(sorted);
        float median = (sorted[ROWS / 2 - 1] + sorted[ROWS / 2]) / 2;
        assertThat(sorted[0]).as("the model's scores must differ for a ranking").isLessThan(sorted[ROWS - 1]);
        StringBuilder text = new StringBuilder("bid,clicked\n");
        for (int i = 0; i < ROWS; i++) {
            text.append(bids[i]).append(',').append(scores[i] > median ? 1 : 0).append('\n');
        }
        return Files.writeString(csv, text, StandardCharsets.UTF_8);
    }

    /** A SUCCEEDED run whose directory holds the model and its features.json, as a worker leaves it. */
    private static String finishedRun(RunHistory history, WorkbenchHome home, String name, Path model) throws Exception {
        Run run = history.createRun(new NewRun(name, "ctr", TrainingTarget.LOCAL_CPU,
                home.runs().resolve(NewRun.RUN_ID).toString(), "tabular", Map.of()));
        Path directory = Path.of(run.runDirectory());
        try (var files = Files.walk(model)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = directory.resolve("model").resolve(model.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        Files.writeString(directory.resolve("features.json"), "{\"numeric\":[\"bid\"],\"categorical\":[],"
                + "\"image\":null,\"label\":\"clicked\",\"imageSize\":0}", StandardCharsets.UTF_8);
        history.transition(run.id(), RunStatus.QUEUED, RunStatus.STARTING);
        history.transition(run.id(), RunStatus.STARTING, RunStatus.RUNNING);
        history.transition(run.id(), RunStatus.RUNNING, RunStatus.SUCCEEDED);
        return run.id();
    }
}
