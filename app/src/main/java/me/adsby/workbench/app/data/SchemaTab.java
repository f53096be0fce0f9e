package me.adsby.workbench.app.data;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.Schema;

/** The inferred schema; the user overrides each column's type and role, then applies. */
final class SchemaTab {

    private final DatasetViewModel model;
    private final ObservableList<EditableColumn> columns = FXCollections.observableArrayList();
    private final VBox root = new VBox(6);

    SchemaTab(DatasetViewModel model) {
        this.model = model;
        TableView<EditableColumn> table = new TableView<>(columns);
        table.setId("schemaTable");
        table.setEditable(true);
        TableColumn<EditableColumn, String> name = new TableColumn<>("Column");
        name.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().name));
        name.setPrefWidth(220);
        TableColumn<EditableColumn, ColumnType> type = new TableColumn<>("Type");
        type.setCellValueFactory(row -> row.getValue().type);
        type.setCellFactory(ComboBoxTableCell.forTableColumn(ColumnType.values()));
        type.setPrefWidth(140);
        TableColumn<EditableColumn, ColumnRole> role = new TableColumn<>("Role");
        role.setCellValueFactory(row -> row.getValue().role);
        role.setCellFactory(ComboBoxTableCell.forTableColumn(ColumnRole.values()));
        role.setPrefWidth(140);
        table.getColumns().add(name);
        table.getColumns().add(type);
        table.getColumns().add(role);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button apply = new Button("_Apply schema");
        apply.setMnemonicParsing(true);
        apply.setId("applySchema");
        apply.disableProperty().bind(model.schemaProperty().isNull());
        apply.setOnAction(event -> model.applySchema(edited()));
        Label hint = new Label("Inferred from the first 1,000 rows. Change a type or a role (double-click), "
                + "then apply to read the rows and the statistics again.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        HBox actions = new HBox(8, apply, hint);
        root.getChildren().addAll(table, actions);
        model.schemaProperty().addListener((property, old, now) -> show(now));
    }

    Node root() {
        return root;
    }

    private void show(Schema schema) {
        columns.setAll(schema == null ? List.of() : schema.columns().stream().map(EditableColumn::new).toList());
    }

    private Schema edited() {
        Schema schema = model.schemaProperty().get();
        for (EditableColumn column : columns) {
            schema = schema.withType(column.name, column.type.get()).withRole(column.name, column.role.get());
        }
        return schema;
    }

    /** A column's type and role while the user edits them. */
    private static final class EditableColumn {
        final String name;
        final ObjectProperty<ColumnType> type;
        final ObjectProperty<ColumnRole> role;

        EditableColumn(ColumnSchema column) {
            this.name = column.name();
            this.type = new SimpleObjectProperty<>(column.type());
            this.role = new SimpleObjectProperty<>(column.role());
        }
    }
}
