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
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.NumericTransform;
import me.adsby.workbench.storage.dataset.schema.Schema;

/**
 * The schema in effect, saved or inferred (and which), with why each column that is not a feature has its role;
 * the user changes types, roles and transforms, then applies: the schema is saved for the dataset.
 */
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
        name.setPrefWidth(200);
        TableColumn<EditableColumn, ColumnType> type = new TableColumn<>("Type");
        type.setCellValueFactory(row -> row.getValue().type);
        type.setCellFactory(ComboBoxTableCell.forTableColumn(ColumnType.values()));
        type.setPrefWidth(120);
        TableColumn<EditableColumn, ColumnRole> role = new TableColumn<>("Role");
        role.setCellValueFactory(row -> row.getValue().role);
        role.setCellFactory(ComboBoxTableCell.forTableColumn(ColumnRole.values()));
        role.setPrefWidth(110);
        TableColumn<EditableColumn, NumericTransform> transform = new TableColumn<>("Transform");
        transform.setCellValueFactory(row -> row.getValue().transform);
        transform.setCellFactory(ComboBoxTableCell.forTableColumn(NumericTransform.values()));
        transform.setPrefWidth(120);
        TableColumn<EditableColumn, String> reason = new TableColumn<>("Why");
        reason.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().reason));
        reason.setPrefWidth(420);
        table.getColumns().add(name);
        table.getColumns().add(type);
        table.getColumns().add(role);
        table.getColumns().add(transform);
        table.getColumns().add(reason);
        VBox.setVgrow(table, Priority.ALWAYS);

        Label origin = new Label();
        origin.setId("schemaOrigin");
        origin.textProperty().bind(model.schemaOriginProperty());
        ListView<String> problems = new ListView<>(model.schemaProblems());
        problems.setId("schemaProblems");
        problems.setPrefHeight(80);
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.schemaProblems()));
        problems.managedProperty().bind(problems.visibleProperty());

        Button apply = new Button("_Apply schema");
        apply.setMnemonicParsing(true);
        apply.setId("applySchema");
        apply.disableProperty().bind(model.schemaProperty().isNull().or(model.loadingProperty()));
        apply.setOnAction(event -> model.applySchema(edited()));
        Label hint = new Label("Change a type, role or transform (double-click), then apply: the schema is saved for "
                + "this dataset, training uses it, and the rows and statistics are read again.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        HBox actions = new HBox(8, apply, hint);
        root.getChildren().addAll(origin, table, problems, actions);
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
            schema = schema.withType(column.name, column.type.get()).withRole(column.name, column.role.get())
                    .withTransform(column.name, column.transform.get());
        }
        return schema;
    }

    /** A column's type, role and transform while the user edits them. */
    private static final class EditableColumn {
        final String name;
        final String reason;
        final ObjectProperty<ColumnType> type;
        final ObjectProperty<ColumnRole> role;
        final ObjectProperty<NumericTransform> transform;

        EditableColumn(ColumnSchema column) {
            this.name = column.name();
            this.reason = column.reason();
            this.type = new SimpleObjectProperty<>(column.type());
            this.role = new SimpleObjectProperty<>(column.role());
            this.transform = new SimpleObjectProperty<>(column.transform());
        }
    }
}
