package me.adsby.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import me.adsby.workbench.app.data.BrowserEntry;
import me.adsby.workbench.storage.dataset.check.PreviewRow;
import me.adsby.workbench.storage.gcs.testing.GcsTestServer;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.Settings;
import me.adsby.workbench.storage.settings.SettingsStore;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on Monocle: first start, the four screens, settings, a dataset, a bucket. */
class MainWindowTest extends FxRobot {

    @TempDir
    static Path temp;

    private WorkbenchHome home;
    private WorkbenchApplication application;
    private GcsTestServer gcs;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private void startApp(Settings settings) throws Exception {
        home = WorkbenchHome.open(Files.createTempDirectory(temp, "home"));
        if (settings != null) {
            new SettingsStore(home.settingsFile()).save(settings);
        }
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(home));
    }

    @AfterEach
    void stopApp() throws Exception {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        FxToolkit.cleanupStages();
        if (gcs != null) {
            gcs.close();
        }
    }

    @Test
    void firstStartWritesTheDemoDatasetAndListsIt() throws Exception {
        startApp(null);
        waitForListing("ads.csv");

        assertThat(listedNames()).contains("images/", "ads.csv", "README.md");
        assertThat(home.demo().resolve("ads.csv")).isRegularFile();
        assertThat(lookup("#dataLocation").queryAs(TextField.class).getText()).isEqualTo(home.demo().toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(home.settingsFile()));
        assertThat(new SettingsStore(home.settingsFile()).load().recentLocations())
                .containsExactly(home.demo().toString());
    }

    @Test
    void theDemoCsvShowsItsRowsStatisticsAndImages() throws Exception {
        startApp(null);
        waitForListing("ads.csv");

        openListed("ads.csv");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> previewRows().size() == 1000);
        // The demo's header: 14 columns; the preview adds the line number.
        assertThat(lookup("#previewTable").queryTableView().getColumns()).hasSize(15);
        assertThat(previewRows().get(0).line()).isEqualTo(2);

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> onFx(() -> lookup("#statisticsOverview").queryAs(Label.class).getText()).startsWith("2000 rows"));
        String overview = onFx(() -> lookup("#statisticsOverview").queryAs(Label.class).getText());
        // Every banner of the demo exists and decodes.
        assertThat(overview).contains("Label:").contains("Images: 100.0% of 2000 references resolve and decode");

        clickOn("Images");
        WaitForAsyncUtils.waitForFxEvents();
        // Click the second thumbnail once it shows its image (then it is laid out where the robot points).
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> onFx(() -> lookup(".thumbnail").queryAll().size() > 1
                && lookup(".thumbnail").nth(1).lookup(".image-view").queryAs(ImageView.class).getImage() != null));
        // The "demo dataset ready" notification may cover the gallery for its few seconds: close it first. On a
        // loaded machine the gallery may still be laying out when the robot clicks, so a click that selected
        // nothing is tried again (three times at most).
        boolean shown = false;
        for (int attempt = 1; attempt <= 3 && !shown; attempt++) {
            for (Node close : onFx(() -> List.<Node>copyOf(lookup(".notification-close").queryAll()))) {
                clickOn(close);
            }
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> lookup(".notification").queryAll().isEmpty()));
            clickOn(onFx(() -> lookup(".thumbnail").nth(1).queryAs(Node.class)));
            try {
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                        () -> onFx(() -> lookup("#rowImage").queryAs(ImageView.class).getImage() != null));
                shown = true;
            } catch (java.util.concurrent.TimeoutException e) {
                if (attempt == 3) {
                    throw new AssertionError("no image; the detail says: " + onFx(() -> lookup("#rowDetail .label")
                            .queryAll().stream().map(n -> ((Labeled) n).getText()).toList()), e);
                }
            }
        }
        // The second thumbnail is the second row, ad_000002 on line 3, whose banner size the CSV names.
        PreviewRow second = previewRows().get(1);
        String[] size = second.text().get(7).split("x");
        assertThat(lookup("#rowImage").queryAs(ImageView.class).getImage().getWidth())
                .isEqualTo(Double.parseDouble(size[0]));
    }

    @Test
    void aBucketOnTheGcsServerIsBrowsedAndItsCsvRead() throws Exception {
        gcs = GcsTestServer.start();
        gcs.createBucket("ads");
        gcs.putObject("ads", "2026/ads.csv", ("ad_id,device,bid,image,clicked\n"
                + "a1,mobile,0.5,images/a1.png,1\n"
                + "a2,desktop,0.7,images/a2.png,0\n"
                + "a3,mobile,0.6,images/a3.png\n").getBytes(StandardCharsets.UTF_8), "text/csv");
        gcs.putObject("ads", "2026/images/a1.png", png(40, 30), "image/png");
        gcs.putObject("ads", "2026/images/a2.png", png(40, 30), "image/png");
        startApp(Settings.defaults().withGcsEndpoint(gcs.url()).withRecentLocation("gs://ads/2026/"));

        waitForListing("ads.csv");
        assertThat(listedNames()).containsExactly("ads.csv", "images/");

        openListed("ads.csv");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> previewRows().size() == 3);
        // Line 4 lacks its label (4 fields where the header has 5): shown, and marked bad.
        assertThat(previewRows().get(2).bad()).isTrue();
        assertThat(previewRows().get(2).problem().toString()).startsWith("gs://ads/2026/ads.csv:4:");

        clickOn("Problems");
        clickOn("#validateButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> onFx(() -> !lookup("#problemsList").queryListView().getItems().isEmpty()));
        assertThat(lookup("#problemsList").queryListView().getItems()).hasSize(1);
        assertThat(lookup("#validationSummary").queryAs(Label.class).getText()).startsWith("3 rows read, 1 bad");
    }

    @Test
    void everyScreenCanBeVisitedByMouseAndKeyboard() throws Exception {
        startApp(null);
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
        startApp(null);
        press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        clickOn("#settingsGcsProject").write("ads-research");
        ComboBox<TrainingTarget> target = lookup("#settingsTarget").query();
        interact(() -> target.setValue(TrainingTarget.LOCAL_GPU));
        clickOn("OK");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(home.settingsFile())
                && "ads-research".equals(new SettingsStore(home.settingsFile()).load().defaultGcsProject()));
        assertThat(new SettingsStore(home.settingsFile()).load().defaultTarget()).isEqualTo(TrainingTarget.LOCAL_GPU);
    }

    private void waitForListing(String name) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> listedNames().contains(name));
    }

    /** Selects an entry of the browser and opens it with the keyboard. */
    private void openListed(String name) {
        TableView<BrowserEntry> table = lookup("#dataTable").queryTableView();
        interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(listedNames().indexOf(name));
        });
        type(KeyCode.ENTER);
    }

    private List<String> listedNames() {
        return onFx(() -> {
            TableView<BrowserEntry> table = lookup("#dataTable").queryTableView();
            return table.getItems().stream().map(BrowserEntry::name).toList();
        });
    }

    private List<PreviewRow> previewRows() {
        return onFx(() -> {
            TableView<PreviewRow> table = lookup("#previewTable").queryTableView();
            return List.copyOf(table.getItems());
        });
    }

    /** Reads the scene graph on the FX thread, where it changes; lookups from the test thread race with it. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String screenTitle() {
        Node title = lookup(".screen-title").match(Node::isVisible).query();
        return ((Labeled) title).getText();
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
