package me.adsby.workbench.app.runs;

import java.awt.BasicStroke;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import me.adsby.workbench.app.data.Sizes;
import me.adsby.workbench.app.fx.DialogService;
import me.adsby.workbench.app.fx.Fxml;
import me.adsby.workbench.storage.history.Artifact;
import me.adsby.workbench.storage.history.MetricPoint;
import me.adsby.workbench.storage.history.MetricSeries;
import me.adsby.workbench.storage.history.RunRecord;
import me.adsby.workbench.storage.history.RunStatus;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The page of one run: status, progress with the time left, actions, the epoch curves (loss; AUC and
 * accuracy), parameters and provenance, artifacts and the end of the worker's log.
 */
public final class RunPageView {

    private final RunPageViewModel model;
    private final DialogService dialogs;
    private final Consumer<String> publish;
    private final Parent root;
    private final XYSeriesCollection losses = new XYSeriesCollection();
    private final XYSeriesCollection quality = new XYSeriesCollection();

    @FXML private Label emptyLabel;
    @FXML private VBox content;
    @FXML private Label titleLabel;
    @FXML private Label statusLabel;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Button cancelButton;
    @FXML private Button resumeButton;
    @FXML private Button deleteButton;
    @FXML private Button publishButton;
    @FXML private Label errorLabel;
    @FXML private VBox chartBox;
    @FXML private TableView<KeyValue> detailsTable;
    @FXML private TableColumn<KeyValue, String> keyColumn;
    @FXML private TableColumn<KeyValue, String> valueColumn;
    @FXML private TableView<Artifact> artifactsTable;
    @FXML private TableColumn<Artifact, String> kindColumn;
    @FXML private TableColumn<Artifact, String> uriColumn;
    @FXML private TableColumn<Artifact, String> sizeColumn;
    @FXML private TextArea logArea;

    /** @param publish opens the Publish dialog for a finished run's id */
    public RunPageView(RunPageViewModel model, DialogService dialogs, Consumer<String> publish) {
        this.publish = publish;
        this.model = model;
        this.dialogs = dialogs;
        this.root = Fxml.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        content.setId("runPage");
        titleLabel.setId("runTitle");
        statusLabel.setId("runStatus");
        progressBar.setId("runProgress");
        progressLabel.setId("runProgressText");
        cancelButton.setId("cancelRunButton");
        resumeButton.setId("resumeRunButton");
        deleteButton.setId("deleteRunButton");
        errorLabel.setId("runError");
        logArea.setId("runLog");
        detailsTable.setId("runDetails");
        artifactsTable.setId("runArtifacts");

        content.visibleProperty().bind(model.runIdProperty().isNotNull());
        emptyLabel.visibleProperty().bind(model.runIdProperty().isNull());
        titleLabel.textProperty().bind(model.titleProperty());
        statusLabel.textProperty().bind(model.statusTextProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        progressLabel.textProperty().bind(model.progressTextProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        cancelButton.disableProperty().bind(model.canCancelProperty().not());
        resumeButton.disableProperty().bind(model.canResumeProperty().not());
        deleteButton.disableProperty().bind(model.canDeleteProperty().not());
        publishButton.setId("publishRunButton");
        publishButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.recordProperty().get() == null
                || model.recordProperty().get().run().status() != RunStatus.SUCCEEDED, model.recordProperty()));

        keyColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().key()));
        valueColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().value()));
        detailsTable.setItems(model.details());
        detailsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        detailsTable.setPlaceholder(new Label("No parameters yet."));
        kindColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().kind()));
        uriColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().uri()));
        sizeColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().sizeBytes() == null ? ""
                : Sizes.human(row.getValue().sizeBytes())));
        artifactsTable.setItems(model.artifacts());
        artifactsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        artifactsTable.setPlaceholder(new Label("The run has written no model, predictions or metrics yet."));
        logArea.setWrapText(true);
        // A run's log opens at its start; while it grows, the reader's place is kept.
        model.logProperty().addListener((property, old, now) -> {
            double place = old == null || old.isEmpty() ? 0 : logArea.getScrollTop();
            logArea.setText(now);
            logArea.setScrollTop(place);
        });

        ChartViewer lossChart = new ChartViewer(chart("Loss", "loss", losses, false));
        lossChart.setId("lossChart");
        ChartViewer aucChart = new ChartViewer(chart("Validation AUC and accuracy", "", quality, true));
        aucChart.setId("aucChart");
        for (ChartViewer viewer : List.of(lossChart, aucChart)) {
            viewer.setMinHeight(140);
            viewer.setPrefHeight(220);
            VBox.setVgrow(viewer, Priority.ALWAYS);
        }
        chartBox.getChildren().setAll(lossChart, aucChart);
        model.seriesProperty().addListener((property, old, now) -> {
            draw(now);
            markBest(lossChart.getChart(), aucChart.getChart());
        });
    }

    /** A line at the best epoch, the exported model's, on both charts. */
    private void markBest(JFreeChart... charts) {
        RunRecord record = model.recordProperty().get();
        for (JFreeChart chart : charts) {
            chart.getXYPlot().clearDomainMarkers();
            if (record != null && record.best().isPresent()) {
                ValueMarker marker = new ValueMarker(record.best().get().epoch());
                marker.setPaint(java.awt.Color.DARK_GRAY);
                marker.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
                marker.setLabel("best epoch " + record.best().get().epoch() + " (exported)");
                // Drawn to the left of the line: the best epoch is often near the last, at the plot's right edge.
                marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
                chart.getXYPlot().addDomainMarker(marker);
            }
        }
    }

    private static JFreeChart chart(String title, String axis, XYSeriesCollection dataset, boolean unitRange) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", axis, dataset, PlotOrientation.VERTICAL,
                true, true, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDefaultStroke(new BasicStroke(2f));
        renderer.setAutoPopulateSeriesStroke(false);
        chart.getXYPlot().setRenderer(renderer);
        NumberAxis epochs = (NumberAxis) chart.getXYPlot().getDomainAxis();
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis values = (NumberAxis) chart.getXYPlot().getRangeAxis();
        values.setAutoRangeIncludesZero(false);
        if (unitRange) {
            values.setAutoRangeMinimumSize(0.05);
        }
        return chart;
    }

    private void draw(List<MetricSeries> all) {
        fill(losses, all, List.of("train_loss", "val_loss"));
        fill(quality, all, List.of("val_auc", "val_accuracy"));
    }

    private static void fill(XYSeriesCollection dataset, List<MetricSeries> all, List<String> keys) {
        dataset.removeAllSeries();
        for (String key : keys) {
            XYSeries series = new XYSeries(key, true, false);
            all.stream().filter(s -> s.key().equals(key)).flatMap(s -> s.points().stream())
                    .filter(point -> Double.isFinite(point.value()))
                    .forEach(point -> series.add(x(point), point.value(), false));
            dataset.addSeries(series);
        }
    }

    private static double x(MetricPoint point) {
        return point.epoch() != null ? point.epoch() : point.step();
    }

    @FXML
    private void cancelRun(ActionEvent event) {
        model.cancel();
    }

    @FXML
    private void resumeRun(ActionEvent event) {
        model.resume();
    }

    @FXML
    private void publishRun(ActionEvent event) {
        String id = model.runIdProperty().get();
        if (id != null) {
            publish.accept(id);
        }
    }

    @FXML
    private void deleteRun(ActionEvent event) {
        if (dialogs.confirm("Delete run?", "Delete " + model.titleProperty().get() + " (" + model.runIdProperty().get()
                + ")? Its history and its run directory's files (checkpoints, model, predictions, log) are removed; "
                + "this cannot be undone.")) {
            model.delete();
        }
    }
}
