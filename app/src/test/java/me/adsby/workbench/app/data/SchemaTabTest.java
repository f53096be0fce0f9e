package me.adsby.workbench.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.FxTaskExecutor;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.SavedSchema;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.storage.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** The Schema tab on Monocle: a role changed in the table and applied is saved off the FX thread, and wins. */
class SchemaTabTest extends FxRobot {

    @TempDir
    Path temp;

    private FxTaskExecutor tasks;
    private StoreProvider provider;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        if (tasks != null) {
            tasks.shutdown();
        }
        if (provider != null) {
            provider.close();
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void applySavesTheEditedSchemaForTheDataset() throws Exception {
        Path csv = Files.writeString(temp.resolve("ads.csv"),
                "ad_id,device,bid,clicked\na1,mobile,1.5,1\na2,desktop,2.5,0\na3,mobile,3.5,0\n");
        SchemaStore schemas = new SchemaStore(temp.resolve("schemas"));
        LocalBlobStore local = new LocalBlobStore();
        List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
        StoreFinder stores = uri -> {
            onFxThread.add(Platform.isFxApplicationThread());
            return local;
        };
        Notifications notifications = new Notifications(temp.resolve("workbench.log"));
        tasks = new FxTaskExecutor(notifications::error);
        provider = new StoreProvider(Settings.defaults());
        DatasetViewModel model = new DatasetViewModel(tasks, stores, new StorageImages(provider, temp.resolve("thumbs")),
                notifications, schemas);
        SchemaTab tab = new SchemaTab(model);
        FxToolkit.setupSceneRoot(() -> (Parent) tab.root());
        FxToolkit.showStage();
        BlobUri uri = BlobUri.local(csv);

        interact(() -> model.open(uri));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table().getItems().size() == 4);
        assertThat(lookup("#schemaOrigin").queryLabeled().getText()).isEqualTo("Inferred from all 3 rows; apply to save it.");

        // device is row 1; its role cell becomes a combo box when edited
        interact(() -> table().edit(1, roleColumn()));
        ComboBox<?> roles = lookup(".combo-box").queryAs(ComboBox.class);
        clickOn(roles);
        clickOn((Node) lookup(".list-cell").match(LabeledMatchers.hasText("IGNORED")).query());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> roleColumn().getCellData(1) == ColumnRole.IGNORED);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#applySchema").queryButton().isDisabled());
        clickOn("#applySchema");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> lookup("#schemaOrigin").queryLabeled().getText().startsWith("Saved schema"));
        SavedSchema saved = schemas.load(uri).orElseThrow();
        assertThat(saved.schema().column("device").role()).isEqualTo(ColumnRole.IGNORED);
        assertThat(saved.schema().column("clicked").role()).isEqualTo(ColumnRole.LABEL);
        assertThat(model.schemaProperty().get().column("device").role()).isEqualTo(ColumnRole.IGNORED);
        assertThat(onFxThread).isNotEmpty().doesNotContain(true);
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> table() {
        return (TableView<Object>) lookup("#schemaTable").queryTableView();
    }

    private TableColumn<Object, ?> roleColumn() {
        return table().getColumns().get(2);
    }
}
