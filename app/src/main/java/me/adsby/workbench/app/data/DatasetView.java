package me.adsby.workbench.app.data;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import me.adsby.workbench.app.fx.Fxml;
import me.adsby.workbench.app.task.TaskExecutor;

/**
 * The CSV opened from the browser: its rows, schema, statistics, images, problems and drift in tabs,
 * beside the selected row's image and features.
 */
public final class DatasetView {

    private final DatasetViewModel model;
    private final DriftViewModel drift;
    private final TaskExecutor tasks;
    private final TaskExecutor thumbnails;
    private final Parent root;

    @FXML private Label titleLabel;
    @FXML private Label problemLabel;
    @FXML private Label emptyLabel;
    @FXML private SplitPane content;
    @FXML private TabPane tabs;
    @FXML private Tab rowsTab;
    @FXML private Tab schemaTab;
    @FXML private Tab statisticsTab;
    @FXML private Tab imagesTab;
    @FXML private Tab problemsTab;
    @FXML private Tab driftTab;
    @FXML private StackPane detailHolder;

    public DatasetView(DatasetViewModel model, DriftViewModel drift, TaskExecutor tasks, TaskExecutor thumbnails) {
        this.model = model;
        this.drift = drift;
        this.tasks = tasks;
        this.thumbnails = thumbnails;
        this.root = Fxml.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        rowsTab.setContent(new RowsTab(model).root());
        schemaTab.setContent(new SchemaTab(model).root());
        statisticsTab.setContent(new StatisticsTab(model).root());
        imagesTab.setContent(new GalleryTab(model, thumbnails).root());
        problemsTab.setContent(new ProblemsTab(model, () -> tabs.getSelectionModel().select(rowsTab)).root());
        driftTab.setContent(new DriftTab(drift).root());
        detailHolder.getChildren().setAll(new RowDetail(model, tasks).root());

        titleLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.csvProperty().get() == null ? "" : model.csvProperty().get().toString(),
                model.csvProperty()));
        content.visibleProperty().bind(model.csvProperty().isNotNull());
        emptyLabel.visibleProperty().bind(model.csvProperty().isNull());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
    }
}
