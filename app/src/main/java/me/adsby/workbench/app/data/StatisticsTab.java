package me.adsby.workbench.app.data;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import me.adsby.workbench.storage.dataset.stats.ColumnStatistics;
import me.adsby.workbench.storage.dataset.stats.DatasetStatistics;
import me.adsby.workbench.storage.dataset.stats.ImageSummary;
import me.adsby.workbench.storage.dataset.stats.LabelBalance;
import me.adsby.workbench.storage.dataset.stats.NumericSummary;
import org.jfree.chart.fx.ChartViewer;

/** Per-column statistics: the list of columns, the chosen one's numbers and its histogram or top values. */
final class StatisticsTab {

    private final ListView<ColumnStatistics> columns = new ListView<>();
    private final Label overview = new Label("Statistics appear here once computed.");
    private final GridPane numbers = new GridPane();
    private final StackPane chart = new StackPane();
    private final VBox root = new VBox(6);

    StatisticsTab(DatasetViewModel model) {
        columns.setId("statisticsColumns");
        columns.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(ColumnStatistics column, boolean empty) {
                super.updateItem(column, empty);
                setText(empty || column == null ? null
                        : column.name() + "  (" + column.type().name().toLowerCase(Locale.ROOT) + ")");
            }
        });
        numbers.setHgap(12);
        numbers.setVgap(3);
        chart.setPrefSize(480, 300);
        VBox detail = new VBox(8, numbers, chart);
        detail.setPadding(new Insets(4, 8, 4, 8));
        VBox.setVgrow(chart, Priority.ALWAYS);
        SplitPane split = new SplitPane(columns, detail);
        split.setDividerPositions(0.3);
        VBox.setVgrow(split, Priority.ALWAYS);
        overview.setId("statisticsOverview");
        overview.setWrapText(true);
        root.getChildren().addAll(overview, split);

        model.statisticsProperty().addListener((property, old, now) -> show(now));
        columns.getSelectionModel().selectedItemProperty().addListener((property, old, now) -> showColumn(now));
    }

    Node root() {
        return root;
    }

    private void show(DatasetStatistics statistics) {
        numbers.getChildren().clear();
        chart.getChildren().clear();
        if (statistics == null) {
            columns.getItems().clear();
            overview.setText("Statistics appear here once computed.");
            return;
        }
        columns.getItems().setAll(statistics.columns());
        overview.setText(Texts.overview(statistics));
        columns.getSelectionModel().selectFirst();
    }

    private void showColumn(ColumnStatistics column) {
        numbers.getChildren().clear();
        chart.getChildren().clear();
        if (column == null) {
            return;
        }
        int row = 0;
        row = add(row, "present", Long.toString(column.present()));
        row = add(row, "missing", Long.toString(column.missing()));
        row = add(row, "distinct", Texts.distinct(column.distinct()));
        NumericSummary numeric = column.numeric();
        if (numeric != null && numeric.count() > 0) {
            row = add(row, "min / max", Texts.number(numeric.min()) + " / " + Texts.number(numeric.max()));
            row = add(row, "mean ± sd", Texts.number(numeric.mean()) + " ± " + Texts.number(numeric.stdDev()));
            row = add(row, "p1 / p50 / p99", Texts.number(numeric.quantiles().p1()) + " / "
                    + Texts.number(numeric.quantiles().p50()) + " / " + Texts.number(numeric.quantiles().p99()));
            chart.getChildren().setAll(new ChartViewer(StatisticsCharts.histogram(column.name(), numeric.histogram())));
        } else if (column.categorical() != null && !column.categorical().values().isEmpty()) {
            var top = column.categorical().values().get(0);
            row = add(row, "top value", top.value() + " (" + Texts.count(top.count(), column.categorical()) + ")");
            if (top.count() > 1) {
                chart.getChildren().setAll(new ChartViewer(
                        StatisticsCharts.topValues(column.name(), column.categorical().values())));
            } else {
                chart.getChildren().setAll(new Label("Every value appears once: nothing to chart."));
            }
        }
    }

    private int add(int row, String name, String value) {
        Label label = new Label(name);
        label.getStyleClass().add("feature-name");
        numbers.addRow(row, label, new Label(value));
        return row + 1;
    }

    /** Words and numbers for the statistics. */
    static final class Texts {
        private Texts() {
        }

        static String overview(DatasetStatistics statistics) {
            StringBuilder text = new StringBuilder();
            text.append(statistics.goodRows()).append(" rows");
            if (statistics.badRows() > 0) {
                text.append(", ").append(statistics.badRows()).append(" bad rows skipped (see Problems)");
            }
            text.append('.');
            LabelBalance label = statistics.label();
            if (label != null) {
                text.append(String.format(Locale.ROOT, " Label: %d positive, %d negative (%.2f%% positive).",
                        label.positives(), label.negatives(), 100 * label.positiveRate()));
            }
            ImageSummary images = statistics.image();
            if (images != null) {
                text.append(String.format(Locale.ROOT, " Images: %.1f%% of %d %s resolve and decode",
                        100 * images.okShare(), images.probed(), images.sampled() ? "sampled references" : "references"));
                if (images.width() != null && images.width().count() > 0) {
                    text.append(String.format(Locale.ROOT, "; median size %s × %s px",
                            number(images.width().quantiles().p50()), number(images.height().quantiles().p50())));
                }
                text.append('.');
                images.statusCounts().forEach((status, count) -> {
                    if (status != me.adsby.workbench.storage.image.ImageStatus.OK) {
                        text.append(' ').append(status.name().toLowerCase(Locale.ROOT)).append(": ").append(count).append('.');
                    }
                });
            }
            return text.toString();
        }

        /** Exact, or {@code "≈1018153 ±3.2% (95%: 986012 to 1051000)"} for a HyperLogLog estimate. */
        static String distinct(me.adsby.workbench.storage.dataset.stats.DistinctCount distinct) {
            String text = me.adsby.workbench.engine.format.Estimates.distinct(distinct);
            return distinct.estimated()
                    ? text + " (95%: " + me.adsby.workbench.engine.format.Estimates.bounds(distinct) + ")" : text;
        }

        /** A top value's count: exact, or the frequent-items estimate with the most it may be off by. */
        static String count(long count, me.adsby.workbench.storage.dataset.stats.CategoricalSummary summary) {
            return me.adsby.workbench.engine.format.Estimates.count(count, summary);
        }

        static String number(double value) {
            return me.adsby.workbench.engine.format.Numbers.format(value);
        }
    }
}
