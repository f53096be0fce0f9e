package me.adsby.workbench.app.compare;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import me.adsby.workbench.engine.compare.GroupDifference;

/**
 * The Compare screen's Groups tab: pickers for groups A and B, a Compare button, and a table of each metric's
 * means and B's difference with its interval, the verdict coloured as in the run table. Refreshes the groups
 * whenever the tab is shown.
 */
final class GroupComparisonTab {

    private GroupComparisonTab() {
    }

    static Tab of(GroupComparisonModel model) {
        ComboBox<String> a = picker("compareGroupA", model);
        a.valueProperty().bindBidirectional(model.groupAProperty());
        ComboBox<String> b = picker("compareGroupB", model);
        b.valueProperty().bindBidirectional(model.groupBProperty());
        Button compare = new Button("Compare _groups");
        compare.setId("compareGroupsButton");
        compare.disableProperty().bind(a.valueProperty().isNull().or(b.valueProperty().isNull()).or(model.busyProperty()));
        compare.setOnAction(event -> model.compare());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        FlowPane bar = new FlowPane(6, 6, label("Group _A (baseline):", a), a, label("Group _B:", b), b, compare, busy);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("compareGroupsStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());

        TableView<GroupDifference> table = new TableView<>(model.differences());
        table.setId("compareGroupsTable");
        table.setPlaceholder(new Label("No groups compared yet."));
        table.getColumns().add(column("Metric", 190, GroupDifference::metric));
        table.getColumns().add(column("A mean", 110, d -> number(d.meanA())));
        table.getColumns().add(column("B mean", 110, d -> number(d.meanB())));
        table.getColumns().add(column("B − A", 110, d -> signed(d.difference())));
        table.getColumns().add(column("95% interval", 200, d -> Double.isNaN(d.low()) ? "n/a (a group has one run)"
                : "[" + signed(d.low()) + ", " + signed(d.high()) + "]"));
        table.getColumns().add(verdictColumn());

        VBox content = new VBox(6, bar, status, table);
        content.setPadding(new Insets(4));
        VBox.setVgrow(table, Priority.ALWAYS);
        Tab tab = new Tab("Groups", content);
        tab.setId("compareTabGroups");
        tab.selectedProperty().addListener((property, old, selected) -> {
            if (selected) {
                model.loadGroups();
            }
        });
        return tab;
    }

    private static ComboBox<String> picker(String id, GroupComparisonModel model) {
        ComboBox<String> picker = new ComboBox<>(model.groups());
        picker.setId(id);
        picker.setPromptText("A group of runs");
        picker.setPrefWidth(420);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(String group) {
                return model.describe(group);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        return picker;
    }

    private static TableColumn<GroupDifference, String> column(String name, double width,
            Function<GroupDifference, String> text) {
        TableColumn<GroupDifference, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<GroupDifference, String> verdictColumn() {
        TableColumn<GroupDifference, String> column = column("Verdict", 90, GroupDifference::verdict);
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(String verdict, boolean empty) {
                super.updateItem(verdict, empty);
                getStyleClass().removeAll("verdict-better", "verdict-worse", "verdict-tie");
                setText(empty ? null : verdict);
                if (!empty && verdict != null && !verdict.equals("n/a")) {
                    getStyleClass().add("verdict-" + verdict);
                }
            }
        });
        return column;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }

    private static Label label(String text, ComboBox<String> target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }
}
