package me.adsby.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import me.adsby.workbench.storage.history.MetricPoint;
import me.adsby.workbench.storage.history.NewRun;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunRow;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare screen on Monocle: two finished runs (written to the history and their run directories as a
 * worker leaves them) are selected in the Runs table and compared; the table and the ROC chart show both.
 */
class CompareScreenTest extends FxRobot {

    private static final int EXAMPLES = 400;

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
    void twoRunsSelectedInTheRunsTableAreComparedInTheTableAndTheRocChart() throws Exception {
        WorkbenchHome home = WorkbenchHome.open(Files.createTempDirectory(temp, "home"));
        try (RunHistory history = RunHistory.open(home.history())) {
            finishedRun(history, home, "weak model", 0.3);
            finishedRun(history, home, "strong model", 2.0);
        }
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(home));

        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runsTable().getItems().size() == 2);
        interact(() -> runsTable().getSelectionModel().selectAll());
        clickOn("#compareRunsButton");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !lookup("#compareTable").queryTableView().getItems().isEmpty());
        TableView<?> table = lookup("#compareTable").queryTableView();
        List<String> headers = new ArrayList<>();
        interact(() -> table.getColumns().forEach(column -> headers.add(column.getText())));
        // The first run selected is the baseline; either may be first in the table.
        assertThat(headers).hasSize(3).startsWith("metric");
        assertThat(headers).containsAnyOf("strong model (baseline)", "weak model (baseline)")
                .containsAnyOf("strong model", "weak model");
        assertThat(lookup("#compareStatus").queryLabeled().getText()).contains("2 runs on validation");

        clickOn("#compareTabROC");
        List<String> series = new ArrayList<>();
        interact(() -> {
            XYDataset data = lookup("#compareRocChart").queryAs(ChartViewer.class).getChart().getXYPlot().getDataset();
            for (int s = 0; s < data.getSeriesCount(); s++) {
                series.add(data.getSeriesKey(s).toString());
            }
        });
        // Each run's legend entry carries its AUC (four decimals), beside the chance diagonal.
        assertThat(series).hasSize(3).contains("chance");
        assertThat(series).anyMatch(name -> name.matches("strong model \\(AUC 0\\.\\d{4}\\)"))
                .anyMatch(name -> name.matches("weak model \\(AUC 0\\.\\d{4}\\)"));
    }

    @Test
    void twoGroupsAreComparedOnTheGroupsTab() throws Exception {
        WorkbenchHome home = WorkbenchHome.open(Files.createTempDirectory(temp, "home"));
        try (RunHistory history = RunHistory.open(home.history())) {
            group(history, home, "g-a", 0.60, 0.61, 0.62);
            group(history, home, "g-b", 0.70, 0.71, 0.72);
        }
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(home));

        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        clickOn("#compareTabGroups");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> lookup("#compareGroupA").queryComboBox().getItems().size() == 2);
        interact(() -> {
            lookup("#compareGroupA").queryComboBox().getSelectionModel().select("g-a");
            lookup("#compareGroupB").queryComboBox().getSelectionModel().select("g-b");
        });
        clickOn("#compareGroupsButton");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !lookup("#compareGroupsTable").queryTableView().getItems().isEmpty());
        List<String> cells = new ArrayList<>();
        interact(() -> {
            TableView<?> table = lookup("#compareGroupsTable").queryTableView();
            table.getColumns().forEach(column -> cells.add(String.valueOf(column.getCellData(0))));
        });
        // Means 0.61 and 0.71 with sd 0.01: B - A = 0.10 with Welch's interval [0.0773, 0.1227] (4 df, t = 2.776445).
        assertThat(cells).containsExactly("val_auc", "0.6100", "0.7100", "+0.1000", "[+0.0773, +0.1227]", "better");
        assertThat(lookup("#compareGroupsStatus").queryLabeled().getText())
                .contains("g-b (3 runs) against g-a (3 runs), both trained on /data/ads.csv (label clicked)");
    }

    @Test
    void aComparisonWithoutSliceColumnsAfterOneWithThemLeavesAnEmptySliceChartAndNoError() throws Exception {
        WorkbenchHome home = WorkbenchHome.open(Files.createTempDirectory(temp, "home"));
        try (RunHistory history = RunHistory.open(home.history())) {
            finishedRun(history, home, "sliced a", 0.3, "sliced", true);
            finishedRun(history, home, "sliced b", 2.0, "sliced", true);
            finishedRun(history, home, "plain a", 0.3, "plain", false);
            finishedRun(history, home, "plain b", 2.0, "plain", false);
        }
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(home));
        List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        interact(() -> Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> uncaught.add(error)));

        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        compareExperiment("sliced");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> sliceChart() != null
                && sliceChart().getXYPlot().getDataset() != null && sliceChart().getXYPlot().getDataset().getSeriesCount() > 0);
        compareExperiment("plain");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#compareStatus").queryLabeled().getText()
                .contains("plain"));
        WaitForAsyncUtils.waitForFxEvents();

        // The viewer keeps an empty chart: JFreeChart's viewer throws on a null one, uncaught on the FX thread.
        assertThat(uncaught).isEmpty();
        assertThat(sliceChart()).isNotNull();
        assertThat(sliceChart().getXYPlot().getDataset() == null
                || sliceChart().getXYPlot().getDataset().getSeriesCount() == 0).isTrue();
    }

    private void compareExperiment(String experiment) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> lookup("#compareExperiment").queryComboBox().getItems().contains(experiment));
        interact(() -> lookup("#compareExperiment").queryComboBox().getSelectionModel().select(experiment));
        clickOn("#compareExperimentButton");
    }

    private JFreeChart sliceChart() {
        return lookup("#compareSliceChart").queryAs(ChartViewer.class).getChart();
    }

    /** A group of finished runs on one dataset whose best epochs have these validation AUCs. */
    private static void group(RunHistory history, WorkbenchHome home, String group, double... aucs) {
        for (int i = 0; i < aucs.length; i++) {
            String member = "repeat " + (i + 1) + " of " + aucs.length;
            Run run = history.createRun(new NewRun(group + " " + member, "ctr", TrainingTarget.LOCAL_CPU,
                    home.runs().resolve(NewRun.RUN_ID).toString(), "logistic", Map.of("group", group, "group_member", member,
                    "dataset", "/data/ads.csv", "label", "clicked")));
            history.putBestEpoch(run.id(), 2, Map.of("val_auc", aucs[i]));
        }
    }

    private TableView<RunRow> runsTable() {
        return lookup("#runsTable").queryTableView();
    }

    /**
     * A run as a worker leaves it: SUCCEEDED in the history with epoch metrics, and in its run directory
     * {@code features.json} and validation predictions whose scores separate the classes by {@code separation}
     * (scores are sigmoid(separation * label + noise), so the two runs differ clearly).
     */
    private static void finishedRun(RunHistory history, WorkbenchHome home, String name, double separation)
            throws Exception {
        finishedRun(history, home, name, separation, "ctr", true);
    }

    private static void finishedRun(RunHistory history, WorkbenchHome home, String name, double separation,
            String experiment, boolean sliced) throws Exception {
        Run run = history.createRun(new NewRun(name, experiment, TrainingTarget.LOCAL_CPU,
                home.runs().resolve(NewRun.RUN_ID).toString(), "tabular", Map.of("learning_rate", "" + separation)));
        Path directory = Path.of(run.runDirectory());
        Files.createDirectories(directory.resolve("eval"));
        Files.writeString(directory.resolve("features.json"), "{\"numeric\":[],\"categorical\":["
                + (sliced ? "\"placement\"" : "") + "],\"image\":null,\"label\":\"clicked\",\"imageSize\":64}",
                StandardCharsets.UTF_8);
        StringBuilder csv = new StringBuilder(sliced ? "key,label,score,placement\n" : "key,label,score\n");
        java.util.Random random = new java.util.Random(7);
        for (int row = 1; row <= EXAMPLES; row++) {
            int label = row % 4 == 0 ? 1 : 0;
            double score = 1 / (1 + Math.exp(-(separation * label - 1 + random.nextGaussian())));
            csv.append(row).append(',').append(label).append(',').append(score);
            csv.append(sliced ? (row % 3 == 0 ? ",search" : ",feed") : "").append('\n');
        }
        Files.writeString(directory.resolve("eval/predictions.csv"), csv, StandardCharsets.UTF_8);
        List<MetricPoint> points = new ArrayList<>();
        for (int epoch = 1; epoch <= 3; epoch++) {
            points.add(new MetricPoint("val_auc", epoch, epoch, 0.5 + separation * epoch / 20, Instant.now()));
            points.add(new MetricPoint("val_loss", epoch, epoch, 0.5 - epoch / 100.0, Instant.now()));
        }
        history.addMetrics(run.id(), points);
        history.transition(run.id(), RunStatus.QUEUED, RunStatus.STARTING);
        history.transition(run.id(), RunStatus.STARTING, RunStatus.RUNNING);
        history.transition(run.id(), RunStatus.RUNNING, RunStatus.SUCCEEDED);
    }
}
