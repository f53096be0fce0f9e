package me.adsby.workbench.app.compare;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import me.adsby.workbench.app.fx.DialogService;
import me.adsby.workbench.engine.compare.EpochChoice;
import me.adsby.workbench.engine.compare.RunComparer;
import me.adsby.workbench.engine.eval.Metric;
import me.adsby.workbench.engine.eval.Verdict;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Compare screen: the runs' metrics side by side (best value in bold, each difference to the baseline
 * with its interval and a better / tie / worse mark), and their charts overlaid: an epoch metric, ROC,
 * precision-recall, calibration, and a metric per slice; and a tab that compares two groups of runs
 * ({@link GroupComparisonTab}). The table is a virtualized TableView; every number
 * and chart comes from the view model, which computes off the FX thread.
 */
public final class CompareView {

    private static final JFreeChart EMPTY_CHART = new JFreeChart(new org.jfree.chart.plot.XYPlot());

    private final CompareViewModel model;
    private final GroupComparisonModel groups;
    private final DialogService dialogs;
    private final BorderPane root = new BorderPane();
    private final TableView<ComparisonGrid.Row> table = new TableView<>();
    private final ChartViewer epochViewer = viewer("compareEpochChart");
    private final ChartViewer rocViewer = viewer("compareRocChart");
    private final ChartViewer precisionRecallViewer = viewer("comparePrChart");
    private final ChartViewer calibrationViewer = viewer("compareCalibrationChart");
    private final ChartViewer sliceViewer = viewer("compareSliceChart");

    public CompareView(CompareViewModel model, GroupComparisonModel groups, DialogService dialogs) {
        this.model = model;
        this.groups = groups;
        this.dialogs = dialogs;
        root.getStyleClass().add("screen");
        root.setPadding(new Insets(12));
        Label title = new Label("Compare");
        title.getStyleClass().add("screen-title");
        Label status = new Label();
        status.setId("compareStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        HBox statusLine = new HBox(8, busy, status);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        VBox top = new VBox(8, title, choices(), statusLine);
        top.setPadding(new Insets(0, 0, 8, 0));
        root.setTop(top);

        table.setId("compareTable");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label empty = new Label("No comparison yet.");
        table.setPlaceholder(empty);
        model.gridProperty().addListener((property, old, now) -> showGrid(now));
        SplitPane split = new SplitPane(table, charts());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        root.setCenter(split);

        model.chartsProperty().addListener((property, old, now) -> {
            if (now != null) {
                epochViewer.setChart(now.epochs());
                rocViewer.setChart(now.roc());
                precisionRecallViewer.setChart(now.precisionRecall());
                calibrationViewer.setChart(now.calibration());
            }
        });
        // JFreeChart's viewer takes no null chart: without slices it keeps an empty one.
        model.sliceChartProperty().addListener((property, old, now) -> sliceViewer.setChart(now == null ? EMPTY_CHART : now));
        root.sceneProperty().addListener((property, old, now) -> {
            if (now != null) {
                model.loadExperiments();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private Node choices() {
        ComboBox<String> experiment = new ComboBox<>(model.experiments());
        experiment.setId("compareExperiment");
        experiment.setPromptText("Experiment");
        experiment.setPrefWidth(160);
        Button add = new Button("Compare e_xperiment");
        add.setMnemonicParsing(true);
        add.setId("compareExperimentButton");
        add.disableProperty().bind(experiment.valueProperty().isNull());
        add.setOnAction(event -> model.compareExperiment(experiment.getValue()));

        ComboBox<String> baseline = new ComboBox<>(model.runIds());
        baseline.setId("compareBaseline");
        baseline.setPrefWidth(200);
        baseline.valueProperty().bindBidirectional(model.baselineProperty());
        baseline.setCellFactory(list -> namesCell());
        baseline.setButtonCell(namesCell());

        ComboBox<String> source = new ComboBox<>(model.sources());
        source.setId("compareSource");
        source.setPrefWidth(220);
        source.valueProperty().bindBidirectional(model.sourceProperty());

        ComboBox<EpochChoice> epoch = new ComboBox<>();
        epoch.setId("compareEpoch");
        epoch.getItems().setAll(EpochChoice.values());
        epoch.valueProperty().bindBidirectional(model.epochProperty());
        epoch.setConverter(new StringConverter<>() {
            @Override
            public String toString(EpochChoice choice) {
                return choice == null ? "" : choice == EpochChoice.BEST ? "Best (the exported model's)" : "Final";
            }

            @Override
            public EpochChoice fromString(String text) {
                return EpochChoice.BEST;
            }
        });

        CheckBox differencesOnly = new CheckBox("_Differences only");
        differencesOnly.setId("compareDifferencesOnly");
        differencesOnly.selectedProperty().bindBidirectional(model.differencesOnlyProperty());
        CheckBox transposed = new CheckBox("_Transposed");
        transposed.setId("compareTransposed");
        transposed.selectedProperty().bindBidirectional(model.transposedProperty());
        Button export = new Button("E_xport table…");
        export.setId("compareExportTable");
        export.disableProperty().bind(model.gridProperty().isNull());
        export.setOnAction(event -> dialogs.chooseSaveFile("Export the comparison table", "comparison.csv", "csv")
                .ifPresent(model::exportTable));

        // The runs' names come with the comparison: a new button cell shows the baseline by its name.
        model.comparisonProperty().addListener((property, old, now) -> baseline.setButtonCell(namesCell()));
        FlowPane line = new FlowPane(6, 6, label("_Baseline:", baseline), baseline, label("_On:", source), source,
                label("_Epoch:", epoch), epoch, differencesOnly, transposed, export,
                new Separator(Orientation.VERTICAL), experiment, add);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    /** Shows a run id as the run's name in the comparison. */
    private ListCell<String> namesCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : model.names().getOrDefault(id, id));
            }
        };
    }

    private Node charts() {
        ComboBox<String> key = new ComboBox<>();
        key.setId("compareEpochMetric");
        key.getItems().setAll(RunComparer.EPOCH_KEYS);
        key.valueProperty().bindBidirectional(model.epochMetricProperty());

        ComboBox<String> column = new ComboBox<>(model.sliceColumns());
        column.setId("compareSliceColumn");
        column.valueProperty().bindBidirectional(model.sliceColumnProperty());
        ComboBox<Metric> metric = new ComboBox<>();
        metric.setId("compareSliceMetric");
        metric.getItems().setAll(Metric.values());
        metric.valueProperty().bindBidirectional(model.sliceMetricProperty());
        metric.setConverter(new StringConverter<>() {
            @Override
            public String toString(Metric value) {
                return value == null ? "" : value.key();
            }

            @Override
            public Metric fromString(String text) {
                return Metric.AUC;
            }
        });

        Label noSlices = new Label("The baseline's predictions have no categorical column to slice by.");
        noSlices.visibleProperty().bind(Bindings.isEmpty(model.sliceColumns()).and(model.chartsProperty().isNotNull()));
        ObservableBooleanValue noCharts = model.chartsProperty().isNull();
        TabPane tabs = new TabPane(
                tab("Epochs", epochViewer, "epochs", noCharts, label("_Metric:", key), key),
                tab("ROC", rocViewer, "roc", noCharts),
                tab("Precision-recall", precisionRecallViewer, "precision-recall", noCharts),
                tab("Calibration", calibrationViewer, "calibration", noCharts),
                tab("Slices", sliceViewer, "slices", model.sliceChartProperty().isNull(), label("_Column:", column), column,
                        label("Metri_c:", metric), metric, noSlices),
                GroupComparisonTab.of(groups));
        tabs.setId("compareCharts");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private Tab tab(String name, ChartViewer viewer, String file, ObservableBooleanValue absent, Node... controls) {
        Button save = new Button("Save PNG…");
        save.setId(viewer.getId() + "Save");
        save.disableProperty().bind(absent);
        Supplier<JFreeChart> shown = viewer::getChart;
        save.setOnAction(event -> dialogs.chooseSaveFile("Save the " + name + " chart", file + ".png", "png")
                .ifPresent(target -> model.exportChart(shown.get(), target)));
        HBox bar = new HBox(6);
        bar.getChildren().addAll(controls);
        bar.getChildren().addAll(spacer(), save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        VBox content = new VBox(4, bar, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        Tab tab = new Tab(name, content);
        tab.setId("compareTab" + name.replace("-", ""));
        return tab;
    }

    private void showGrid(ComparisonGrid grid) {
        table.getColumns().clear();
        if (grid == null) {
            table.getItems().clear();
            return;
        }
        TableColumn<ComparisonGrid.Row, ComparisonGrid.Row> labels = new TableColumn<>(grid.corner());
        labels.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        labels.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(ComparisonGrid.Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.label());
            }
        });
        labels.setPrefWidth(150);
        labels.setSortable(false);
        table.getColumns().add(labels);
        List<String> columns = grid.columns();
        for (int c = 0; c < columns.size(); c++) {
            int index = c;
            TableColumn<ComparisonGrid.Row, ComparisonGrid.Cell> column = new TableColumn<>(columns.get(c));
            column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().cells().get(index)));
            column.setCellFactory(view -> new GridCell());
            column.setPrefWidth(320);
            column.setSortable(false);
            table.getColumns().add(column);
        }
        table.getItems().setAll(grid.rows());
    }

    /** A grid cell: its text, bold when best, coloured by its verdict. */
    private static final class GridCell extends TableCell<ComparisonGrid.Row, ComparisonGrid.Cell> {
        private static final Map<Verdict, String> STYLES = Map.of(Verdict.BETTER, "verdict-better",
                Verdict.WORSE, "verdict-worse", Verdict.TIE, "verdict-tie");

        @Override
        protected void updateItem(ComparisonGrid.Cell cell, boolean empty) {
            super.updateItem(cell, empty);
            getStyleClass().removeAll("best", "verdict-better", "verdict-worse", "verdict-tie");
            if (empty || cell == null) {
                setText(null);
                return;
            }
            setText(cell.text());
            if (cell.best()) {
                getStyleClass().add("best");
            }
            if (cell.verdict() != null) {
                getStyleClass().add(STYLES.get(cell.verdict()));
            }
        }
    }

    private static ChartViewer viewer(String id) {
        ChartViewer viewer = new ChartViewer(null);
        viewer.setId(id);
        viewer.setMinHeight(200);
        return viewer;
    }

    private static Label label(String text, Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
