package me.adsby.workbench.app.data;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import me.adsby.workbench.app.fx.DialogService;
import me.adsby.workbench.app.fx.Fxml;
import me.adsby.workbench.storage.files.FolderEntry;

/** The Data screen: a local folder's entries, with a location bar, Up, Browse and recent locations. */
public final class DataView {

    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.getDefault()).withZone(ZoneId.systemDefault());

    private final DataViewModel model;
    private final DialogService dialogs;
    private final Parent root;

    @FXML private TextField locationField;
    @FXML private Button upButton;
    @FXML private MenuButton recentButton;
    @FXML private Label problemLabel;
    @FXML private TableView<FolderEntry> table;
    @FXML private TableColumn<FolderEntry, String> nameColumn;
    @FXML private TableColumn<FolderEntry, String> kindColumn;
    @FXML private TableColumn<FolderEntry, String> sizeColumn;
    @FXML private TableColumn<FolderEntry, String> modifiedColumn;
    @FXML private Label summaryLabel;

    public DataView(DataViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
        this.root = Fxml.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        table.setId("dataTable");
        locationField.setId("dataLocation");
        nameColumn.setCellValueFactory(row -> text(row.getValue().folder()
                ? row.getValue().name() + "/" : row.getValue().name()));
        kindColumn.setCellValueFactory(row -> text(EntryKind.of(row.getValue()).displayName()));
        sizeColumn.setCellValueFactory(row -> text(Sizes.human(row.getValue().size())));
        modifiedColumn.setCellValueFactory(row -> text(row.getValue().modified() == null
                ? "" : MODIFIED.format(row.getValue().modified())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(model.entries());
        Label empty = new Label();
        empty.textProperty().bind(model.emptyText());
        table.setPlaceholder(empty);
        table.setRowFactory(view -> {
            TableRow<FolderEntry> row = new TableRow<>();
            row.setOnMouseClicked(click -> {
                if (click.getButton() == MouseButton.PRIMARY && click.getClickCount() == 2 && !row.isEmpty()) {
                    model.openEntry(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(key -> {
            if (key.getCode() == KeyCode.ENTER) {
                model.openEntry(table.getSelectionModel().getSelectedItem());
            } else if (key.getCode() == KeyCode.BACK_SPACE) {
                model.up();
            }
        });

        model.folderProperty().addListener((property, old, now) -> {
            locationField.setText(now == null ? "" : now.toString());
            table.getSelectionModel().clearSelection();
            table.scrollTo(0);
        });
        upButton.disableProperty().bind(model.folderProperty().isNull());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        summaryLabel.textProperty().bind(model.summary());
        summaryLabel.visibleProperty().bind(model.folderProperty().isNotNull());
        recentButton.setOnShowing(event -> fillRecent());
    }

    private void fillRecent() {
        recentButton.getItems().clear();
        if (model.recentLocations().isEmpty()) {
            MenuItem none = new MenuItem("No recent locations");
            none.setDisable(true);
            recentButton.getItems().add(none);
            return;
        }
        for (String location : model.recentLocations()) {
            MenuItem item = new MenuItem(location);
            item.setMnemonicParsing(false);
            item.setOnAction(event -> model.openTyped(location));
            recentButton.getItems().add(item);
        }
    }

    @FXML
    private void openTyped(ActionEvent event) {
        model.openTyped(locationField.getText());
    }

    @FXML
    private void up(ActionEvent event) {
        model.up();
    }

    @FXML
    private void browse(ActionEvent event) {
        browse();
    }

    /** Asks for a folder and opens it. */
    public void browse() {
        Path start = model.folderProperty().get();
        dialogs.chooseFolder("Open a dataset folder", start).ifPresent(model::open);
    }

    /** Puts the keyboard focus in the table, for keyboard navigation. */
    public void focus() {
        table.requestFocus();
    }

    private static ReadOnlyStringWrapper text(String value) {
        return new ReadOnlyStringWrapper(value);
    }
}
