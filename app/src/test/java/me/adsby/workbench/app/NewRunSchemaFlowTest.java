package me.adsby.workbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import me.adsby.workbench.app.data.BrowserEntry;
import me.adsby.workbench.app.runs.FeatureChoice;
import me.adsby.workbench.engine.input.FeatureSpec;
import me.adsby.workbench.engine.model.Recipe;
import me.adsby.workbench.engine.run.RunDirectory;
import me.adsby.workbench.engine.run.RunFeatures;
import me.adsby.workbench.engine.run.RunSpec;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.SavedSchema;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.storage.history.RunRow;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.settings.Settings;
import me.adsby.workbench.storage.settings.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A schema edited on the Data screen, end to end through the real window: applied on the Schema tab it is saved in
 * the home's {@code schemas/}, the New Run dialog (opened before the edit, and again after it) lists the columns by
 * it, and the run it starts records it in {@code spec.json} and trains (a real worker, a tiny logistic run) on the
 * features it says.
 */
class NewRunSchemaFlowTest extends FxRobot {

    private static final int ROWS = 120;

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
    void aSchemaAppliedOnTheDataScreenIsWhatTheNewRunShowsAndTheRunTrainsBy() throws Exception {
        Path csv = campaigns(Files.createDirectories(temp.resolve("ds")).resolve("campaigns.csv"));
        BlobUri uri = BlobUri.local(csv);
        WorkbenchHome home = WorkbenchHome.open(Files.createTempDirectory(temp, "home"));
        new SettingsStore(home.settingsFile()).save(Settings.defaults().withRecentLocation(csv.getParent().toString()));
        application = (WorkbenchApplication) FxToolkit.setupApplication(() -> new WorkbenchApplication(home));

        // The New Run dialog first reads the schema inference makes: campaign and slot are integer features.
        openNewRun();
        clickOn("#newRunDataset").write(csv.toString()).type(KeyCode.ENTER);
        waitFor(30, () -> "clicked".equals(lookup("#newRunLabel").queryComboBox().getValue())
                && featureChoices().size() == 5);
        assertThat(onFx(() -> choice("campaign").toString())).isEqualTo("campaign (integer)");
        assertThat(onFx(() -> choice("slot").toString())).isEqualTo("slot (integer)");
        assertThat(onFx(() -> choice("slot").included())).isTrue();
        clickOn(onFx(() -> dialogButton("Cancel")));
        waitFor(10, () -> lookup("#newRunDataset").tryQuery().isEmpty());

        // The Data screen: open the CSV; the Schema tab shows what inference made of it.
        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitFor(120, () -> listedNames().contains("campaigns.csv"));
        openListed("campaigns.csv");
        clickOn("Schema");
        waitFor(60, () -> schemaTable().getItems().size() == 6
                && text("#schemaOrigin").startsWith("Inferred") && !lookup("#applySchema").queryButton().isDisabled());
        assertThat(onFx(() -> cellText("campaign", "Type"))).isEqualTo("INTEGER");
        assertThat(onFx(() -> cellText("slot", "Role"))).isEqualTo("FEATURE");
        assertThat(onFx(() -> cellText("ad_id", "Role"))).isEqualTo("KEY");

        // campaign's numbers are codes, not amounts: categorical; slot is not to be learnt from: ignored.
        choose("campaign", "Type", "CATEGORICAL");
        choose("slot", "Role", "IGNORED");
        clickOn("#applySchema");
        waitFor(30, () -> text("#schemaOrigin").startsWith("Saved schema"));

        Path file = SchemaStore.of(home).fileFor(uri);
        assertThat(file).isRegularFile().hasParent(home.schemas());
        SavedSchema saved = SchemaStore.of(home).load(uri).orElseThrow();
        assertEdited(saved.schema());

        // New Run again, the dataset still typed: it lists the columns by the saved schema, campaign a categorical
        // feature, slot and ad_id unchecked, with why.
        openNewRun();
        assertThat(lookup("#newRunDataset").queryAs(TextField.class).getText()).isEqualTo(csv.toString());
        waitFor(30, () -> featureChoices().size() == 5 && choice("campaign").toString().equals("campaign (categorical)"));
        assertThat(onFx(() -> lookup("#newRunLabel").queryComboBox().getValue())).isEqualTo("clicked");
        assertThat(onFx(() -> featureChoices().stream().map(FeatureChoice::name).toList()))
                .containsExactly("ad_id", "bid", "device", "campaign", "slot");
        assertThat(onFx(() -> choice("campaign").included())).isTrue();
        assertThat(onFx(() -> choice("slot").toString())).isEqualTo("slot (integer, ignored)");
        assertThat(onFx(() -> choice("slot").included())).isFalse();
        // As the list draws them: the identifier unchecked, with the reason inference gave.
        assertThat(featureCellText("ad_id")).isEqualTo("ad_id (categorical, key: ad_id: 120 distinct values over "
                + "120 rows, never repeats: key)");
        assertThat(featureCellChecked("ad_id")).isFalse();
        assertThat(featureCellChecked("campaign")).isTrue();
        assertThat(featureCellChecked("slot")).isFalse();

        clickOn("#newRunLogistic");
        TextField epochs = lookup("#newRunEpochs").queryAs(TextField.class);
        interact(epochs::clear);
        clickOn(epochs).write("2");
        clickOn("#newRunStart");

        // The run trains to the end in its worker.
        waitFor(30, () -> runsTable().getItems().size() == 1);
        waitFor(120, () -> text("#runStatus").startsWith("Running") || text("#runStatus").startsWith("Succeeded")
                || text("#runStatus").startsWith("Failed"));
        waitFor(180, () -> text("#runStatus").startsWith("Succeeded") || text("#runStatus").startsWith("Failed"));
        assertThat(text("#runStatus")).as(text("#runError")).startsWith("Succeeded");
        waitFor(10, () -> runsTable().getItems().get(0).run().status() == RunStatus.SUCCEEDED);

        // spec.json records the edited schema, and the worker's features follow it.
        RunRow row = onFx(() -> runsTable().getItems().get(0));
        RunDirectory directory = new RunDirectory(BlobUri.parse(row.run().runDirectory()));
        LocalBlobStore store = new LocalBlobStore();
        RunSpec spec = RunSpec.read(store, directory);
        assertThat(spec.recipe()).isEqualTo(Recipe.LOGISTIC);
        assertThat(spec.hyperparameters().epochs()).isEqualTo(2);
        assertThat(spec.dataset()).isEqualTo(uri.toString());
        assertEdited(spec.schema());
        assertThat(spec.exclude()).containsExactlyInAnyOrder("ad_id", "slot");
        FeatureSpec features = RunFeatures.read(store, directory).orElseThrow();
        assertThat(features.numeric()).containsExactly("bid");
        assertThat(features.categorical()).containsExactly("device", "campaign");
        assertThat(features.label()).isEqualTo("clicked");
        assertThat(Files.readString(directory.workerLog().toPath()))
                .contains("Features: numeric [bid] ", "categorical [device, campaign], image null; label clicked");
    }

    /** The Runs screen, then its New Run dialog, by the keyboard. */
    private void openNewRun() {
        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Button dialogButton(String text) {
        return lookup(".dialog-pane .button").match(LabeledMatchers.hasText(text)).query();
    }

    private static void assertEdited(Schema schema) {
        assertThat(schema.column("campaign").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(schema.column("campaign").role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(schema.column("slot").role()).isEqualTo(ColumnRole.IGNORED);
        assertThat(schema.column("slot").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(schema.column("ad_id").role()).isEqualTo(ColumnRole.KEY);
        assertThat(schema.column("device").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(schema.column("bid").type()).isEqualTo(ColumnType.FLOAT);
        assertThat(schema.column("clicked").role()).isEqualTo(ColumnRole.LABEL);
    }

    /**
     * A CSV of ads: a unique {@code ad_id}, a numeric {@code bid}, a categorical {@code device}, a {@code campaign}
     * code and a {@code slot} number that inference reads as integers, and a 0/1 {@code clicked} with both classes.
     */
    private static Path campaigns(Path csv) throws Exception {
        Random random = new Random(7);
        String[] devices = {"mobile", "desktop", "tablet"};
        StringBuilder text = new StringBuilder("ad_id,bid,device,campaign,slot,clicked\n");
        for (int i = 0; i < ROWS; i++) {
            int device = random.nextInt(devices.length);
            int campaign = 1 + random.nextInt(6);
            double bid = 0.2 + random.nextDouble() * 2;
            boolean clicked = random.nextDouble() < (campaign % 2 == 0 ? 0.6 : 0.2) + (device == 0 ? 0.1 : 0);
            text.append(String.format(Locale.ROOT, "a%03d,%.3f,%s,%d,%d,%d\n", i, bid, devices[device], campaign,
                    1 + random.nextInt(4), clicked ? 1 : 0));
        }
        return Files.writeString(csv, text);
    }

    /** Edits a cell of the Schema tab as a person does: a double-click shows its choices, a click picks one. */
    private void choose(String column, String field, String value) throws Exception {
        doubleClickOn(onFx(() -> schemaCell(column, field)));
        ComboBox<?> choices = onFx(() -> (ComboBox<?>) schemaCell(column, field).getGraphic());
        assertThat(choices).as("the %s of %s is edited with a combo box", field, column).isNotNull();
        clickOn(choices);
        clickOn((Node) lookup(".list-cell").match(LabeledMatchers.hasText(value)).query());
        waitFor(10, () -> value.equals(cellText(column, field)));
    }

    private TableCell<?, ?> schemaCell(String column, String field) {
        int index = schemaRow(column);
        return lookup("#schemaTable .table-cell").match(node -> node instanceof TableCell<?, ?> cell
                && cell.getIndex() == index && cell.getTableColumn() != null
                && field.equals(cell.getTableColumn().getText())).query();
    }

    private String cellText(String column, String field) {
        Object value = schemaColumn(field).getCellData(schemaRow(column));
        return value == null ? "" : value.toString();
    }

    private int schemaRow(String column) {
        TableColumn<Object, ?> names = schemaColumn("Column");
        for (int i = 0; i < schemaTable().getItems().size(); i++) {
            if (column.equals(names.getCellData(i))) {
                return i;
            }
        }
        throw new AssertionError("the Schema tab has no column " + column);
    }

    private TableColumn<Object, ?> schemaColumn(String header) {
        return schemaTable().getColumns().stream().filter(c -> header.equals(c.getText())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> schemaTable() {
        return (TableView<Object>) lookup("#schemaTable").queryTableView();
    }

    private ListView<FeatureChoice> featuresList() {
        return lookup("#newRunFeatures").queryListView();
    }

    private List<FeatureChoice> featureChoices() {
        return List.copyOf(featuresList().getItems());
    }

    private FeatureChoice choice(String name) {
        return featureChoices().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** The drawn cell of a feature (scrolled into view), for what a person sees of it. */
    private ListCell<?> featureCell(String name) throws Exception {
        interact(() -> featuresList().scrollTo(choice(name)));
        waitFor(10, () -> drawnFeatureCell(name).isPresent());
        return onFx(() -> drawnFeatureCell(name).orElseThrow());
    }

    private Optional<ListCell<?>> drawnFeatureCell(String name) {
        return lookup("#newRunFeatures .list-cell").queryAll().stream()
                .filter(node -> node instanceof ListCell<?> cell && cell.isVisible()
                        && cell.getItem() instanceof FeatureChoice choice && choice.name().equals(name))
                .<ListCell<?>>map(node -> (ListCell<?>) node).findFirst();
    }

    private String featureCellText(String name) throws Exception {
        ListCell<?> cell = featureCell(name);
        return onFx(cell::getText);
    }

    private boolean featureCellChecked(String name) throws Exception {
        ListCell<?> cell = featureCell(name);
        return onFx(() -> ((CheckBox) cell.getGraphic()).isSelected());
    }

    private List<String> listedNames() {
        TableView<BrowserEntry> table = lookup("#dataTable").queryTableView();
        return table.getItems().stream().map(BrowserEntry::name).toList();
    }

    private void openListed(String name) {
        TableView<BrowserEntry> table = lookup("#dataTable").queryTableView();
        interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(listedNames().indexOf(name));
        });
        type(KeyCode.ENTER);
    }

    private TableView<RunRow> runsTable() {
        return lookup("#runsTable").queryTableView();
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }

    /** Polls a condition on the FX thread, where the scene graph changes, until it holds. */
    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
    }

    /** Reads the scene graph on the FX thread. */
    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
