package me.adsby.workbench.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import me.adsby.workbench.app.models.ModelsViewModel.ModelRow;
import me.adsby.workbench.app.models.ModelsViewModel.VersionRow;
import me.adsby.workbench.app.notify.Notification;
import me.adsby.workbench.app.notify.Notifications;
import me.adsby.workbench.app.task.SameThreadTaskExecutor;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.history.RegistryAction;
import me.adsby.workbench.storage.history.RegistryAuditEntry;
import me.adsby.workbench.storage.history.RunHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsViewModelTest {

    @TempDir
    static Path shared;
    static Path savedModel;

    @TempDir
    Path temp;

    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final Notifications notifications = new Notifications(Path.of("workbench.log"));
    private RunHistory history;
    private Registry registry;
    private ModelsViewModel model;

    @BeforeAll
    static void train() throws Exception {
        savedModel = RegistryFixture.trainModel(shared);
    }

    @BeforeEach
    void setUp() {
        history = RunHistory.open(temp.resolve("history"));
        registry = RegistryFixture.registry(temp.resolve("registry"), history, "ann");
        model = new ModelsViewModel(tasks, registry, history.registry(), notifications);
    }

    @AfterEach
    void tearDown() {
        history.close();
        assertThat(tasks.unhandled()).isEmpty();
    }

    @Test
    void anEmptyRegistryIsReadAndHasNoModels() {
        model.reload();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.models()).isEmpty();
        assertThat(model.selectedModelProperty().get()).isNull();
        assertThat(notifications.shown()).isEmpty();
    }

    @Test
    void modelsListTheirVersionsWithCardMetricsSourceRunsAndTheCardAsText() throws Exception {
        registry.addVersion("ctr", savedModel, RegistryFixture.card("run-1", 0.70, 0.60));
        registry.addVersion("ctr", savedModel, RegistryFixture.card("run-2", 0.75, 0.55));
        registry.addVersion("banners", savedModel, RegistryFixture.card("run-3", 0.64, 0.66));

        model.reload();

        assertThat(model.models()).containsExactly(new ModelRow("banners", 1, null, null), new ModelRow("ctr", 2, null, null));
        assertThat(model.selectedModelProperty().get().name()).isEqualTo("banners");
        model.selectedModelProperty().set(model.models().get(1));
        assertThat(model.versions()).extracting(VersionRow::version).containsExactly(1L, 2L);
        VersionRow second = model.versions().get(1);
        assertThat(second.auc()).isEqualTo("0.7500 [0.7300, 0.7700]");
        assertThat(second.logLoss()).isEqualTo("0.5500 [0.5400, 0.5600]");
        assertThat(second.sourceRunId()).isEqualTo("run-2");
        assertThat(second.publishedBy()).isEqualTo("ann");
        assertThat(second.served()).isTrue();
        // The newest version is selected, and its card shown.
        assertThat(model.selectedVersionProperty().get()).isEqualTo(second);
        assertThat(model.cardTextProperty().get()).contains("source run: run-2", "version: 2", "published by: ann",
                "epochs: 1", "\"auc\"");
        assertThat(model.rollbackTargetProperty().get()).isNull();
    }

    @Test
    void labelsMoveAndARollbackRestoresThePreviousProductionVersion() throws Exception {
        registry.addVersion("ctr", savedModel, RegistryFixture.card("run-1", 0.70, 0.60));
        registry.addVersion("ctr", savedModel, RegistryFixture.card("run-2", 0.75, 0.55));
        model.reload();

        select(1);
        model.label(Registry.PRODUCTION);
        assertThat(model.models().get(0).production()).isEqualTo(1L);
        assertThat(model.rollbackTargetProperty().get()).as("production has had one version only").isNull();

        select(2);
        model.label(Registry.PRODUCTION);
        model.label(Registry.STAGING);
        assertThat(model.models()).containsExactly(new ModelRow("ctr", 2, 2L, 2L));
        assertThat(model.versions().get(1).labels()).containsExactlyInAnyOrder(Registry.PRODUCTION, Registry.STAGING);
        assertThat(model.selectedVersionProperty().get().version()).as("the selection survives the reload").isEqualTo(2);
        assertThat(model.rollbackTargetProperty().get()).isEqualTo(1L);

        model.rollback();

        assertThat(registry.readConfig().config().model("ctr").orElseThrow().labels().get(Registry.PRODUCTION))
                .isEqualTo(1L);
        assertThat(model.models().get(0).production()).isEqualTo(1L);
        assertThat(model.versions().get(0).labels()).containsExactly(Registry.PRODUCTION);
        assertThat(model.rollbackTargetProperty().get()).isNull();
        assertThat(notifications.shown()).extracting(Notification::level).containsOnly(Notification.Level.INFO);

        // The audit log, newest first.
        assertThat(model.audit()).extracting(RegistryAuditEntry::action).containsExactly(RegistryAction.ROLLBACK,
                RegistryAction.LABEL, RegistryAction.LABEL, RegistryAction.LABEL, RegistryAction.PUBLISH,
                RegistryAction.PUBLISH);
        assertThat(model.audit().get(0).version()).isEqualTo(1L);
        assertThat(model.audit().get(0).actor()).isEqualTo("ann");
        assertThat(model.audit().get(0).model()).isEqualTo("ctr");
    }

    @Test
    void aLabelledVersionCannotBeArchivedAndAnUnlabelledOneIs() throws Exception {
        registry.addVersion("ctr", savedModel, RegistryFixture.card("run-1", 0.70, 0.60));
        registry.addVersion("ctr", savedModel, RegistryFixture.card("run-2", 0.75, 0.55));
        registry.label("ctr", 2, Registry.PRODUCTION);
        model.reload();

        select(2);
        assertThat(model.archiveBlockedProperty().get()).contains("labelled production");
        // Were the button pressed anyway, the registry refuses and says why.
        model.archive();
        assertThat(notifications.shown()).extracting(Notification::level).containsExactly(Notification.Level.ERROR);
        assertThat(notifications.shown().get(0).message()).contains("move the label");
        assertThat(model.versions().get(1).served()).isTrue();

        select(1);
        assertThat(model.archiveBlockedProperty().get()).isEmpty();
        model.archive();

        assertThat(model.versions().get(0).archived()).isTrue();
        assertThat(model.archiveBlockedProperty().get()).contains("archived already");
        assertThat(registry.readConfig().config().model("ctr").orElseThrow().versions()).containsExactly(2L);
        assertThat(model.audit().get(0).action()).isEqualTo(RegistryAction.ARCHIVE);
        assertThat(model.audit().get(0).version()).isEqualTo(1L);
    }

    private void select(long version) {
        List<VersionRow> rows = model.versions();
        model.selectedVersionProperty().set(rows.stream().filter(row -> row.version() == version).findFirst().orElseThrow());
    }
}
