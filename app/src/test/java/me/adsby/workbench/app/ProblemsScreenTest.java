package me.adsby.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import me.adsby.workbench.app.data.BrowserEntry;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.check.PreviewRow;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.Settings;
import me.adsby.workbench.storage.settings.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Data screen's Problems tab on Monocle: image problems listed by line, a click selects the row. */
class ProblemsScreenTest extends FxRobot {

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
    void imageProblemsAreListedByLineAndAClickSelectsTheRow() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("ds/images"));
        Path outside = png(temp.resolve("outside.png"));
        png(folder.resolve("ok.png"));
        Files.writeString(folder.resolve("garbage.png"), "no image here");
        Files.createSymbolicLink(folder.resolve("link.png"), outside);
        Path csv = Files.writeString(temp.resolve("ds/ads.csv"), String.join("\n",
                "ad_id,bid,image,clicked",        // line 1
                "a1,0.5,images/ok.png,1",         // 2: fine
                "a2,0.6,images/missing.png,0",    // 3: missing
                "a3,0.7,images/garbage.png,1",    // 4: undecodable
                "a4,0.8,../outside.png,0",        // 5: leaves the folder
                "a5,0.9,images/link.png,1",       // 6: a link whose target is outside
                "a6,1.0,images/ok.png,0",         // 7: fine
                ""));
        WorkbenchHome home = WorkbenchHome.open(Files.createTempDirectory(temp, "home"));
        new SettingsStore(home.settingsFile()).save(Settings.defaults().withRecentLocation(csv.getParent().toString()));
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(home));

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> listedNames().contains("ads.csv"));
        openListed("ads.csv");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> previewRows().size() == 6);
        clickOn("Problems");
        clickOn("#validateButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !problems().isEmpty());

        // Lines 3 to 6 each have an unusable image; 6 rows read, 4 bad.
        assertThat(problems()).extracting(RowProblem::line).containsExactly(3L, 4L, 5L, 6L);
        assertThat(problems().get(0).toString()).startsWith(csv + ":3: image 'images/missing.png'");
        assertThat(onFx(() -> lookup("#validationSummary").queryAs(Label.class).getText()))
                .startsWith("6 rows read, 4 bad");

        // The third problem, line 5: the Rows tab comes forward with that row selected.
        // The list's items come before its cells are laid out: wait for the cell, on a busy machine a pulse or more.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> problemCells(5).tryQuery().isPresent()));
        clickOn(onFx(() -> problemCell(5)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Rows".equals(selectedTab()));
        assertThat(onFx(() -> selectedRow().line())).isEqualTo(5);
        assertThat(onFx(() -> selectedRow().text().get(0))).isEqualTo("a4");

        // Back on the Problems tab, Enter on the last problem selects line 6.
        clickOn("Problems");
        interact(() -> {
            ListView<RowProblem> list = lookup("#problemsList").queryListView();
            list.requestFocus();
            list.getSelectionModel().select(3);
        });
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Rows".equals(selectedTab()));
        assertThat(onFx(() -> selectedRow().line())).isEqualTo(6);
    }

    private Node problemCell(long line) {
        return problemCells(line).query();
    }

    private org.testfx.service.query.NodeQuery problemCells(long line) {
        return lookup("#problemsList .problem-cell").match(node -> {
            Object item = ((ListCell<?>) node).getItem();
            return item instanceof RowProblem problem && problem.line() == line;
        });
    }

    private List<RowProblem> problems() {
        return onFx(() -> List.copyOf(lookup("#problemsList").<RowProblem>queryListView().getItems()));
    }

    private String selectedTab() {
        return onFx(() -> lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(pane -> pane.getTabs().stream().anyMatch(tab -> "Problems".equals(tab.getText())))
                .findFirst().map(pane -> pane.getSelectionModel().getSelectedItem().getText()).orElse(""));
    }

    private PreviewRow selectedRow() {
        TableView<PreviewRow> table = lookup("#previewTable").queryTableView();
        return table.getSelectionModel().getSelectedItem();
    }

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
        return onFx(() -> List.copyOf(lookup("#previewTable").<PreviewRow>queryTableView().getItems()));
    }

    /** Reads the scene graph on the FX thread, where it changes. */
    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path png(Path file) throws IOException {
        ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }
}
