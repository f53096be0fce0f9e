package me.adsby.workbench.app.data;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import me.adsby.workbench.storage.dataset.check.PreviewRow;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.Schema;

/** The first rows of the CSV, with typed column headers; bad rows are marked and say what is wrong. */
final class RowsTab {

    private final DatasetViewModel model;
    private final TableView<PreviewRow> table = new TableView<>();
    private final VBox root = new VBox(6);

    RowsTab(DatasetViewModel model) {
        this.model = model;
        table.setId("previewTable");
        table.setItems(model.rows());
        table.setRowFactory(view -> new MarkedRow());
        Label empty = new Label();
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(model.loadingProperty())
                .then("Reading…").otherwise("No rows."));
        table.setPlaceholder(empty);
        Label note = new Label();
        note.textProperty().bind(model.previewNoteProperty());
        note.setWrapText(true);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(table, note);

        model.schemaProperty().addListener((property, old, now) -> columnsFor(now));
        table.getSelectionModel().selectedItemProperty().addListener((property, old, now) -> {
            if (now != null) {
                model.selectedRowProperty().set(now);
            }
        });
        model.selectedRowProperty().addListener((property, old, now) -> {
            if (now != null && now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
                table.scrollTo(now);
            }
        });
    }

    Node root() {
        return root;
    }

    private void columnsFor(Schema schema) {
        table.getColumns().clear();
        if (schema == null) {
            return;
        }
        TableColumn<PreviewRow, String> line = new TableColumn<>("line");
        line.setCellValueFactory(row -> new ReadOnlyStringWrapper(Long.toString(row.getValue().line())));
        line.getStyleClass().add("numeric");
        line.setPrefWidth(60);
        table.getColumns().add(line);
        for (ColumnSchema column : schema.columns()) {
            TableColumn<PreviewRow, String> shown = new TableColumn<>(column.name() + "\n"
                    + column.type().name().toLowerCase(Locale.ROOT) + " · " + column.role().name().toLowerCase(Locale.ROOT));
            int index = column.index();
            shown.setCellValueFactory(row -> new ReadOnlyStringWrapper(
                    index < row.getValue().text().size() ? row.getValue().text().get(index) : ""));
            if (column.type().numeric()) {
                shown.getStyleClass().add("numeric");
            }
            table.getColumns().add(shown);
        }
    }

    /** Marks a bad row and tells its problem in a tooltip. */
    private static final class MarkedRow extends TableRow<PreviewRow> {
        @Override
        protected void updateItem(PreviewRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean bad = !empty && row != null && row.bad();
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("bad"), bad);
            setTooltip(bad ? new Tooltip(row.problem().toString()) : null);
        }
    }
}
