package me.adsby.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunRow;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.home.WorkbenchHome;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Runs screen on Monocle: a real tiny run on the demo dataset, in a real worker JVM, watched live. */
class RunsScreenTest extends FxRobot {

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
    void aTinyRunOnTheDemoDataIsStartedAndWatchedToTheEnd() throws Exception {
        WorkbenchHome home = WorkbenchHome.open(Files.createTempDirectory(temp, "home"));
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(home));
        Path csv = home.demo().resolve("ads.csv");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> Files.isRegularFile(csv));

        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#runsTable").tryQuery()).isPresent();
        assertThat(runsTable().getItems()).isEmpty();

        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#newRunDataset").write(csv.toString()).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "clicked".equals(lookup("#newRunLabel").queryComboBox().getValue()));
        clickOn("#newRunTabular");
        TextField epochs = lookup("#newRunEpochs").queryAs(TextField.class);
        interact(epochs::clear);
        clickOn(epochs).write("2");
        String imageSize = lookup("#newRunImageSize").queryAs(TextField.class).getText();
        assertThat(imageSize).isEqualTo("64");
        clickOn("#newRunStart");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runsTable().getItems().size() == 1);
        RunRow row = runsTable().getItems().get(0);
        assertThat(row.run().name()).isEqualTo("tabular on ads.csv");
        assertThat(row.params()).containsEntry("epochs", "2");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text("#runTitle").equals("tabular on ads.csv"));

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> text("#runStatus").startsWith("Running")
                || text("#runStatus").startsWith("Succeeded"));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> text("#runStatus").startsWith("Succeeded")
                || text("#runStatus").startsWith("Failed"));
        assertThat(text("#runStatus")).as(text("#runError")).startsWith("Succeeded");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> aucPoints() == 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> runsTable().getItems().get(0).run().status() == RunStatus.SUCCEEDED);
        assertThat(runsTable().getItems().get(0).finalMetrics()).containsKey("val_auc");
        // The run page's actions follow the status once the page has re-read the finished run.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lookup("#deleteRunButton").queryButton().isDisabled());
        assertThat(lookup("#cancelRunButton").queryButton().isDisabled()).isTrue();
        assertThat(lookup("#runLog").queryTextInputControl().getText()).isNotEmpty();
    }

    @Test
    void aHomeThatAnotherWorkbenchHoldsSaysSoAndTheDataScreenStillWorks() throws Exception {
        WorkbenchHome home = WorkbenchHome.open(Files.createTempDirectory(temp, "home"));
        RunHistory other = RunHistory.open(home.root().resolve("history"));
        try {
            application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(home));
            clickOn("#navRuns");
            assertThat(lookup(".planned-description").queryAs(Label.class).getText())
                    .startsWith("Another Workbench has this home open");
            assertThat(lookup(".notification-title").queryAs(Label.class).getText()).isEqualTo("Runs are not available");
            clickOn("#navData");
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !lookup("#dataTable").queryTableView()
                    .getItems().isEmpty());
        } finally {
            other.close();
        }
    }

    private TableView<RunRow> runsTable() {
        return lookup("#runsTable").queryTableView();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    private int aucPoints() {
        ChartViewer viewer = lookup("#aucChart").queryAs(ChartViewer.class);
        var dataset = viewer.getChart().getXYPlot().getDataset();
        return dataset.getSeriesCount() == 0 ? 0 : dataset.getItemCount(0);
    }
}
