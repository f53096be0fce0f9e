package me.adsby.workbench.app.models;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import me.adsby.workbench.app.fx.DialogService;
import me.adsby.workbench.app.models.ModelsViewModel.ModelRow;
import me.adsby.workbench.app.models.ModelsViewModel.VersionRow;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.check.PreviewRow;
import me.adsby.workbench.storage.history.RegistryAuditEntry;

/**
 * The Models screen: the serving registry's models on the left; for the selected one its versions (labels,
 * card metrics, source run, publisher, served or archived) with the selected version's card, the actions that
 * change what is served (each confirmed first), local serving with a "Try it" panel, and the audit log.
 * The toolbar at the top holds the screen-wide actions.
 */
public final class ModelsView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ModelsViewModel model;
    private final ServingViewModel serving;
    private final DialogService dialogs;
    private final Consumer<String> openRun;
    private final BorderPane root = new BorderPane();
    private final HBox toolbar = new HBox(6);

    /**
     * @param openRun shows a run (by id) on the Runs screen
     */
    public ModelsView(ModelsViewModel model, ServingViewModel serving, DialogService dialogs, Consumer<String> openRun) {
        this.model = model;
        this.serving = serving;
        this.dialogs = dialogs;
        this.openRun = openRun;
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(12));
        Label title = new Label("Models");
        title.getStyleClass().add("screen-title");
        Label status = new Label();
        status.setId("modelsStatus");
        status.textProperty().bind(model.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        toolbar();
        HBox statusLine = new HBox(8, busy, status);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(8, title, toolbar, statusLine);
        top.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(top);

        SplitPane content = new SplitPane(modelList(), tabs());
        content.setDividerPositions(0.22);
        Node empty = emptyRegistry();
        empty.visibleProperty().bind(model.loadedProperty().and(Bindings.isEmpty(model.models())));
        content.visibleProperty().bind(empty.visibleProperty().not());
        root.setCenter(new StackPane(content, empty));
        root.sceneProperty().addListener((property, old, now) -> {
            if (now != null) {
                model.reload();
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** The screen's toolbar, where screen-wide actions go. */
    public HBox toolbar() {
        if (!toolbar.getChildren().isEmpty()) {
            return toolbar;
        }
        toolbar.setId("modelsToolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        Button reload = new Button("_Reload");
        reload.setId("modelsReload");
        reload.setOnAction(event -> model.reload());
        Button serve = new Button("Ser_ve locally");
        serve.setId("modelsServe");
        serve.setTooltip(new Tooltip("Serve the registry on this machine over TF Serving's REST API (127.0.0.1)"));
        serve.disableProperty().bind(serving.servingBinding().or(serving.startingProperty()));
        serve.setOnAction(event -> serving.start());
        Button stop = new Button("S_top");
        stop.setId("modelsStopServing");
        stop.disableProperty().bind(serving.servingBinding().not());
        stop.setOnAction(event -> serving.stop());
        Label address = new Label();
        address.setId("modelsServeAddress");
        address.textProperty().bind(serving.addressBinding());
        toolbar.getChildren().addAll(reload, new Separator(Orientation.VERTICAL), serve, stop, address);
        return toolbar;
    }

    private Node emptyRegistry() {
        Label heading = new Label("The registry has no models yet");
        heading.getStyleClass().add("placeholder-title");
        Label how = new Label("Models get here when a finished run is published:\n\n"
                + "    workbench publish RUN_ID --model-name NAME\n\n"
                + "or with Publish on a run's page. Each publish adds a version, served as soon as it is added; "
                + "label it production or staging here, roll back, archive old versions, and serve them locally "
                + "to try.\n\nThe registry is " + model.registry().root() + ".");
        how.setWrapText(true);
        how.getStyleClass().add("planned-description");
        VBox box = new VBox(12, heading, how);
        box.setId("modelsEmpty");
        box.setMaxWidth(720);
        box.setAlignment(Pos.TOP_LEFT);
        box.setPadding(new Insets(24));
        StackPane.setAlignment(box, Pos.TOP_LEFT);
        return box;
    }

    private Node modelList() {
        ListView<ModelRow> list = new ListView<>(model.models());
        list.setId("modelsList");
        list.setMinWidth(180);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ModelRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.name() + "\n" + row.versions() + " version(s)"
                        + " · production " + version(row.production()) + " · staging " + version(row.staging()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((property, old, now) -> {
            if (now != null) {
                model.selectedModelProperty().set(now);
            }
        });
        model.selectedModelProperty().addListener((property, old, now) -> {
            if (now != null && !now.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(now);
            }
        });
        return list;
    }

    private static String version(Long version) {
        return version == null ? "-" : "v" + version;
    }

    private Node tabs() {
        Tab versions = new Tab("Versions", versionsPane());
        versions.setId("modelsTabVersions");
        Tab tryIt = new Tab("Try it", tryPane());
        tryIt.setId("modelsTabTry");
        Tab audit = new Tab("Audit log", auditTable());
        audit.setId("modelsTabAudit");
        TabPane tabs = new TabPane(versions, tryIt, audit);
        tabs.setId("modelsTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    // Versions

    private Node versionsPane() {
        TableView<VersionRow> table = new TableView<>(model.versions());
        table.setId("modelsVersions");
        table.setPlaceholder(new Label("Select a model."));
        table.getColumns().setAll(List.of(
                column("Version", 70, row -> Long.toString(row.version())),
                column("Labels", 140, row -> String.join(", ", row.labels())),
                column("AUC", 190, VersionRow::auc),
                column("Log loss", 190, VersionRow::logLoss),
                runColumn(),
                column("Published by", 110, row -> row.publishedBy() == null ? "" : row.publishedBy()),
                column("Published", 150, row -> when(row.publishedAt())),
                column("Served", 90, row -> row.served() ? "served" : "archived")));
        table.getSelectionModel().selectedItemProperty().addListener((property, old, now) -> {
            if (now != null) {
                model.selectedVersionProperty().set(now);
            }
        });
        model.selectedVersionProperty().addListener((property, old, now) -> {
            if (now != null && !now.equals(table.getSelectionModel().getSelectedItem())) {
                table.getSelectionModel().select(now);
            }
        });

        TextArea card = new TextArea();
        card.setId("modelsCard");
        card.setEditable(false);
        card.setStyle("-fx-font-family: monospace;");
        card.textProperty().bind(model.cardTextProperty());

        SplitPane split = new SplitPane(table, card);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox pane = new VBox(6, versionActions(), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        pane.setPadding(new Insets(6));
        return pane;
    }

    private Node versionActions() {
        var noVersion = model.selectedVersionProperty().isNull().or(model.busyProperty());
        Button production = new Button("Label as _production");
        production.setId("modelsLabelProduction");
        production.disableProperty().bind(noVersion);
        production.setOnAction(event -> confirmLabel(Registry.PRODUCTION));
        Button staging = new Button("Label as _staging");
        staging.setId("modelsLabelStaging");
        staging.disableProperty().bind(noVersion);
        staging.setOnAction(event -> confirmLabel(Registry.STAGING));

        Button rollback = new Button("Roll _back production");
        rollback.setId("modelsRollback");
        rollback.disableProperty().bind(model.rollbackTargetProperty().isNull().or(model.busyProperty()));
        rollback.setOnAction(event -> {
            ModelRow shown = model.selectedModelProperty().get();
            Long target = model.rollbackTargetProperty().get();
            if (shown != null && target != null && dialogs.confirm("Rollback production of " + shown.name() + "?",
                    "production of " + shown.name() + " moves from version " + version(shown.production()) + " back to "
                            + "version " + target + ", the version it pointed at before. Servers reading this registry "
                            + "follow within their poll interval.")) {
                model.rollback();
            }
        });
        Tooltip rollbackTip = new Tooltip();
        rollbackTip.textProperty().bind(Bindings.createStringBinding(() -> model.rollbackTargetProperty().get() == null
                ? "There is no earlier production version to roll back to"
                : "Point production back at version " + model.rollbackTargetProperty().get(), model.rollbackTargetProperty()));
        StackPane rollbackHolder = holder(rollback);
        Tooltip.install(rollbackHolder, rollbackTip);

        Button archive = new Button("_Archive");
        archive.setId("modelsArchive");
        archive.disableProperty().bind(model.archiveBlockedProperty().isNotEmpty().or(model.busyProperty()));
        archive.setOnAction(event -> {
            VersionRow row = model.selectedVersionProperty().get();
            ModelRow shown = model.selectedModelProperty().get();
            if (row != null && shown != null && dialogs.confirm("Archive version " + row.version() + " of " + shown.name() + "?",
                    "Version " + row.version() + " leaves the served set: servers stop answering for it. Its files "
                            + "stay in the registry, and labelling it later serves it again.")) {
                model.archive();
            }
        });
        Tooltip archiveTip = new Tooltip();
        archiveTip.textProperty().bind(Bindings.createStringBinding(() -> model.archiveBlockedProperty().get().isEmpty()
                ? "Stop serving this version; its files stay" : model.archiveBlockedProperty().get(),
                model.archiveBlockedProperty()));
        archiveTip.setId("modelsArchiveTip");
        archive.setTooltip(archiveTip);
        // A disabled button shows no tooltip: its holder shows the same one.
        StackPane archiveHolder = holder(archive);
        Tooltip.install(archiveHolder, archiveTip);

        HBox bar = new HBox(6, production, staging, rollbackHolder, archiveHolder);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static StackPane holder(Button button) {
        return new StackPane(button);
    }

    private void confirmLabel(String label) {
        VersionRow row = model.selectedVersionProperty().get();
        ModelRow shown = model.selectedModelProperty().get();
        if (row == null || shown == null) {
            return;
        }
        Long now = Registry.PRODUCTION.equals(label) ? shown.production() : shown.staging();
        String message = label + " of " + shown.name() + " moves to version " + row.version()
                + (now == null ? " (it points nowhere now)" : " from version " + now) + ". "
                + (row.served() ? "" : "The version is archived: labelling serves it again. ")
                + "Servers reading this registry follow within their poll interval.";
        if (dialogs.confirm("Label as " + label + "?", message)) {
            model.label(label);
        }
    }

    private TableColumn<VersionRow, VersionRow> runColumn() {
        TableColumn<VersionRow, VersionRow> column = new TableColumn<>("Source run");
        column.setPrefWidth(170);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        column.setCellFactory(view -> new TableCell<>() {
            private final Hyperlink link = new Hyperlink();

            @Override
            protected void updateItem(VersionRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || row.sourceRunId() == null) {
                    setGraphic(null);
                    return;
                }
                link.setText(row.sourceRunId());
                link.setOnAction(event -> openRun.accept(row.sourceRunId()));
                setGraphic(link);
            }
        });
        return column;
    }

    private static <R> TableColumn<R, String> column(String title, double width, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    // Try it

    private Node tryPane() {
        TextField dataset = new TextField();
        dataset.setId("modelsTryDataset");
        dataset.setPromptText("A dataset CSV: an absolute path or gs:// URI");
        dataset.textProperty().bindBidirectional(serving.datasetUriProperty());
        dataset.setOnAction(event -> serving.loadDataset());
        HBox.setHgrow(dataset, Priority.ALWAYS);
        Button choose = new Button("_Choose…");
        choose.setId("modelsTryChoose");
        choose.setOnAction(event -> dialogs.chooseFile("Choose a dataset to try", null).ifPresent(file -> {
            serving.datasetUriProperty().set(BlobUri.local(file.toAbsolutePath()).toString());
            serving.loadDataset();
        }));
        Button load = new Button("_Load");
        load.setId("modelsTryLoad");
        load.disableProperty().bind(serving.datasetUriProperty().isEmpty());
        load.setOnAction(event -> serving.loadDataset());

        ComboBox<String> target = new ComboBox<>(serving.targets());
        target.setId("modelsTryTarget");
        target.valueProperty().bindBidirectional(serving.targetProperty());
        Label targetLabel = new Label("Ta_rget:");
        targetLabel.setLabelFor(target);
        targetLabel.setMnemonicParsing(true);
        Button predict = new Button("Pre_dict");
        predict.setId("modelsPredict");
        predict.disableProperty().bind(serving.servingBinding().not().or(serving.selectedRowProperty().isNull())
                .or(serving.modelProperty().isNull()).or(serving.predictingProperty()));
        predict.setOnAction(event -> serving.predict());
        Label result = new Label();
        result.setId("modelsTryResult");
        result.setWrapText(true);
        result.textProperty().bind(Bindings.createStringBinding(() -> serving.serverProperty().get() == null
                && serving.resultProperty().get().isEmpty() ? "Press Serve locally to try the model on a row."
                : serving.resultProperty().get(), serving.serverProperty(), serving.resultProperty()));

        TableView<PreviewRow> rows = new TableView<>();
        rows.setId("modelsTryRows");
        rows.setPlaceholder(new Label("Load a dataset to pick a row."));
        serving.rowsProperty().addListener((property, old, now) -> showRows(rows, now));
        rows.getSelectionModel().selectedItemProperty().addListener((property, old, now) -> {
            if (now != null) {
                serving.selectedRowProperty().set(now);
            }
        });
        serving.selectedRowProperty().addListener((property, old, now) -> {
            if (now != null && now != rows.getSelectionModel().getSelectedItem()) {
                rows.getSelectionModel().select(now);
            }
        });

        HBox source = new HBox(6, dataset, choose, load);
        source.setAlignment(Pos.CENTER_LEFT);
        HBox run = new HBox(6, targetLabel, target, predict, result);
        run.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.ALWAYS);
        VBox pane = new VBox(6, source, run, rows);
        VBox.setVgrow(rows, Priority.ALWAYS);
        pane.setPadding(new Insets(6));
        return pane;
    }

    private static void showRows(TableView<PreviewRow> table, ServingViewModel.Rows read) {
        table.getColumns().clear();
        if (read == null) {
            table.getItems().clear();
            return;
        }
        TableColumn<PreviewRow, String> line = new TableColumn<>("line");
        line.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Long.toString(cell.getValue().line())));
        line.setPrefWidth(60);
        table.getColumns().add(line);
        for (var schemaColumn : read.schema().columns()) {
            int index = schemaColumn.index();
            TableColumn<PreviewRow, String> column = new TableColumn<>(schemaColumn.name());
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                    index < cell.getValue().text().size() ? cell.getValue().text().get(index) : ""));
            column.setPrefWidth(120);
            table.getColumns().add(column);
        }
        table.getItems().setAll(read.rows());
        if (!read.rows().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    // Audit

    private Node auditTable() {
        TableView<RegistryAuditEntry> table = new TableView<>(model.audit());
        table.setId("modelsAudit");
        table.setPlaceholder(new Label("No registry changes were made from this home yet."));
        table.getColumns().setAll(List.of(
                column("When", 160, entry -> when(entry.at())),
                column("Who", 100, RegistryAuditEntry::actor),
                column("Action", 90, entry -> entry.action().id()),
                column("Model", 120, RegistryAuditEntry::model),
                column("Version", 70, entry -> entry.version() == null ? "" : entry.version().toString()),
                column("Details", 320, entry -> entry.details() == null ? "" : entry.details())));
        return table;
    }
}
