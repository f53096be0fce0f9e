package me.adsby.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import me.adsby.workbench.storage.files.FolderEntry;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.SettingsStore;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on Monocle: first start on an empty home, the four screens, settings. */
class MainWindowTest extends FxRobot {

    @TempDir
    static Path temp;

    private WorkbenchHome home;
    private WorkbenchApplication application;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void startApp() throws Exception {
        home = WorkbenchHome.open(Files.createTempDirectory(temp, "home"));
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(home));
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(application);
        FxToolkit.cleanupStages();
    }

    @Test
    void firstStartWritesTheDemoDatasetAndListsIt() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> listedNames().contains("ads.csv"));

        assertThat(listedNames()).contains("images/", "ads.csv", "README.md");
        assertThat(home.demo().resolve("ads.csv")).isRegularFile();
        assertThat(lookup("#dataLocation").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo(home.demo().toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(home.settingsFile()));
        assertThat(new SettingsStore(home.settingsFile()).load().recentLocations())
                .containsExactly(home.demo().toString());
    }

    @Test
    void everyScreenCanBeVisitedByMouseAndKeyboard() throws Exception {
        clickOn("#navRuns");
        assertThat(screenTitle()).isEqualTo("Runs");
        clickOn("#navCompare");
        assertThat(screenTitle()).isEqualTo("Compare");
        clickOn("#navModels");
        assertThat(screenTitle()).isEqualTo("Models");

        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screenTitle()).isEqualTo("Data");
        assertThat(lookup("#dataTable").tryQuery()).isPresent();

        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screenTitle()).isEqualTo("Compare");
    }

    @Test
    void settingsAreEditedAndSaved() throws Exception {
        press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        clickOn("#settingsGcsProject").write("ads-research");
        javafx.scene.control.ComboBox<TrainingTarget> target = lookup("#settingsTarget").query();
        interact(() -> target.setValue(TrainingTarget.LOCAL_GPU));
        clickOn("OK");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(home.settingsFile())
                && "ads-research".equals(new SettingsStore(home.settingsFile()).load().defaultGcsProject()));
        assertThat(new SettingsStore(home.settingsFile()).load().defaultTarget()).isEqualTo(TrainingTarget.LOCAL_GPU);
    }

    private java.util.List<String> listedNames() {
        TableView<FolderEntry> table = lookup("#dataTable").queryTableView();
        return table.getItems().stream().map(e -> e.folder() ? e.name() + "/" : e.name()).toList();
    }

    private String screenTitle() {
        Node title = lookup(".screen-title").match(Node::isVisible).query();
        return ((Labeled) title).getText();
    }
}
