package me.adsby.workbench.app.data;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import me.adsby.workbench.app.fx.DialogService;
import me.adsby.workbench.app.fx.Fxml;
import me.adsby.workbench.app.settings.UserSettings;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * The Data screen: a browser of local folders and GCS buckets (location bar, breadcrumbs, a table that loads
 * more as it scrolls) beside the dataset view of the CSV opened from it.
 */
public final class DataView {

    /** Rows from the end of the table at which the next page is fetched. */
    private static final int PREFETCH_ROWS = 100;
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withLocale(Locale.getDefault()).withZone(ZoneId.systemDefault());

    private final BrowserViewModel model;
    private final DialogService dialogs;
    private final UserSettings settings;
    private final Node datasetView;
    private final Parent root;

    @FXML private TextField locationField;
    @FXML private Button upButton;
    @FXML private MenuButton recentButton;
    @FXML private FlowPane breadcrumbBar;
    @FXML private Label problemLabel;
    @FXML private TableView<BrowserEntry> table;
    @FXML private TableColumn<BrowserEntry, String> nameColumn;
    @FXML private TableColumn<BrowserEntry, String> sizeColumn;
    @FXML private TableColumn<BrowserEntry, String> updatedColumn;
    @FXML private Label summaryLabel;
    @FXML private StackPane datasetHolder;

    public DataView(BrowserViewModel model, DialogService dialogs, UserSettings settings, Node datasetView) {
        this.model = model;
        this.dialogs = dialogs;
        this.settings = settings;
        this.datasetView = datasetView;
        this.root = Fxml.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        table.setId("dataTable");
        locationField.setId("dataLocation");
        datasetHolder.getChildren().setAll(datasetView);
        nameColumn.setCellValueFactory(row -> text(row.getValue().name()));
        sizeColumn.setCellValueFactory(row -> text(Sizes.human(row.getValue().size())));
        updatedColumn.setCellValueFactory(row -> text(row.getValue().updated() == null
                ? "" : UPDATED.format(row.getValue().updated())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(model.entries());
        Label empty = new Label();
        empty.textProperty().bind(model.emptyText());
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setRowFactory(view -> new EntryRow());
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
        model.breadcrumbs().addListener((ListChangeListener<BlobUri>) change -> showBreadcrumbs());
        upButton.disableProperty().bind(model.folderProperty().isNull());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        summaryLabel.textProperty().bind(model.summary());
        summaryLabel.visibleProperty().bind(model.folderProperty().isNotNull());
        recentButton.setOnShowing(event -> fillRecent());
    }

    /** A row that opens its entry on double-click and asks for the next page as the end comes near. */
    private final class EntryRow extends TableRow<BrowserEntry> {
        EntryRow() {
            setOnMouseClicked(click -> {
                if (click.getButton() == MouseButton.PRIMARY && click.getClickCount() == 2 && !isEmpty()) {
                    model.openEntry(getItem());
                }
            });
        }

        @Override
        protected void updateItem(BrowserEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (!empty && getIndex() >= model.entries().size() - PREFETCH_ROWS) {
                model.loadMore();
            }
        }
    }

    private void showBreadcrumbs() {
        breadcrumbBar.getChildren().clear();
        for (BlobUri crumb : model.breadcrumbs()) {
            if (!breadcrumbBar.getChildren().isEmpty()) {
                breadcrumbBar.getChildren().add(new Label("›"));
            }
            String name = crumb.parent() == null && crumb.isGcs() ? "gs://" + crumb.bucket() : crumb.name();
            Hyperlink link = new Hyperlink(name);
            link.setOnAction(event -> model.open(crumb));
            breadcrumbBar.getChildren().add(link);
        }
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
    private void browseLocal(ActionEvent event) {
        browse();
    }

    @FXML
    private void browseBucket(ActionEvent event) {
        dialogs.chooseBucket(settings.current().defaultGcsProject()).ifPresent(choice -> {
            if (!choice.project().isEmpty()) {
                settings.update(current -> current.withDefaultGcsProject(choice.project()));
            }
            model.openTyped(BlobUri.GCS_SCHEME + choice.bucket());
        });
    }

    /** Asks for a local folder and opens it. */
    public void browse() {
        BlobUri shown = model.folderProperty().get();
        Path start = shown == null || shown.isGcs() ? null : shown.toPath();
        dialogs.chooseFolder("Open a dataset folder", start).ifPresent(folder -> model.open(BlobUri.local(folder)));
    }

    /** Puts the keyboard focus in the table, for keyboard navigation. */
    public void focus() {
        table.requestFocus();
    }

    private static ReadOnlyStringWrapper text(String value) {
        return new ReadOnlyStringWrapper(value);
    }
}
