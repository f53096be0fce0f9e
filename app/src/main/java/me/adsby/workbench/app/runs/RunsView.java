package me.adsby.workbench.app.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import me.adsby.workbench.app.fx.Fxml;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunRow;
import me.adsby.workbench.storage.history.RunSort;

/**
 * The Runs screen: a table of every run (filtered and sorted by the history, loaded page by page as it
 * scrolls) beside the run page of the run selected, and New run (Shortcut+N). Select two or more runs
 * (Shift or Shortcut with a click or the arrow keys) and Compare opens them on the Compare screen.
 */
public final class RunsView {

    /** Rows from the end of the table at which the next page is fetched. */
    private static final int PREFETCH_ROWS = 50;
    private static final javafx.util.Duration SEARCH_DELAY = javafx.util.Duration.millis(300);
    private static final KeyCombination NEW_RUN = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final RunsViewModel model;
    private final RunPageViewModel page;
    private final Node pageView;
    private final NewRunView newRunView;
    private final Clock clock;
    private final Consumer<List<String>> compare;
    private final Parent root;
    private String selectedId;

    @FXML private Button newRunButton;
    @FXML private Button compareButton;
    @FXML private ComboBox<String> experimentBox;
    @FXML private ComboBox<StatusFilter> statusBox;
    @FXML private TextField searchField;
    @FXML private TableView<RunRow> table;
    @FXML private TableColumn<RunRow, String> nameColumn;
    @FXML private TableColumn<RunRow, String> experimentColumn;
    @FXML private TableColumn<RunRow, String> statusColumn;
    @FXML private TableColumn<RunRow, String> targetColumn;
    @FXML private TableColumn<RunRow, String> recipeColumn;
    @FXML private TableColumn<RunRow, String> createdColumn;
    @FXML private TableColumn<RunRow, String> durationColumn;
    @FXML private TableColumn<RunRow, String> epochsColumn;
    @FXML private TableColumn<RunRow, String> learningRateColumn;
    @FXML private TableColumn<RunRow, String> bestEpochColumn;
    @FXML private TableColumn<RunRow, String> aucColumn;
    @FXML private TableColumn<RunRow, String> lossColumn;
    @FXML private Label summaryLabel;
    @FXML private StackPane pageHolder;

    /**
     * @param compare opens the Compare screen on the runs given (two or more, as selected in the table)
     */
    public RunsView(RunsViewModel model, RunPageViewModel page, Node pageView, NewRunView newRunView, Clock clock,
                    Consumer<List<String>> compare) {
        this.compare = compare;
        this.model = model;
        this.page = page;
        this.pageView = pageView;
        this.newRunView = newRunView;
        this.clock = clock;
        this.root = Fxml.load(this);
        whileShown();
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        table.setId("runsTable");
        newRunButton.setId("newRunButton");
        experimentBox.setId("runsExperiment");
        statusBox.setId("runsStatus");
        searchField.setId("runsSearch");
        pageHolder.getChildren().setAll(pageView);

        experimentBox.setItems(model.experiments());
        experimentBox.valueProperty().bindBidirectional(model.experimentProperty());
        statusBox.getItems().setAll(StatusFilter.choices());
        statusBox.valueProperty().bindBidirectional(model.statusProperty());
        PauseTransition search = new PauseTransition(SEARCH_DELAY);
        search.setOnFinished(event -> model.textProperty().set(searchField.getText()));
        searchField.textProperty().addListener((property, old, now) -> search.playFromStart());
        searchField.setOnAction(event -> {
            search.stop();
            model.textProperty().set(searchField.getText());
        });

        column(nameColumn, row -> row.run().name());
        column(experimentColumn, row -> row.run().experiment());
        column(statusColumn, row -> RunPageViewModel.title(row.run().status()));
        column(targetColumn, row -> row.run().target().displayName());
        column(recipeColumn, row -> row.run().recipe() == null ? "" : row.run().recipe());
        column(createdColumn, row -> Durations.timestamp(row.run().created()));
        column(durationColumn, row -> duration(row.run()));
        column(epochsColumn, row -> row.params().getOrDefault("epochs", ""));
        column(learningRateColumn, row -> row.params().getOrDefault("learning_rate", ""));
        // The headline numbers are the best epoch's: the exported model's, not the last epoch's.
        column(bestEpochColumn, row -> row.best().map(best -> Integer.toString(best.epoch())).orElse(""));
        column(aucColumn, row -> metric(bestMetrics(row), "val_auc"));
        column(lossColumn, row -> metric(bestMetrics(row), "val_loss"));
        table.setItems(model.rows());
        table.setSortPolicy(view -> {
            sortChanged();
            return true;
        });
        Label empty = new Label();
        empty.textProperty().bind(model.emptyText());
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setRowFactory(view -> new RunTableRow());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        compareButton.setId("compareRunsButton");
        compareButton.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).lessThan(2));
        table.getSelectionModel().selectedItemProperty().addListener((property, old, now) -> {
            if (now != null) {
                selectedId = now.run().id();
                page.show(selectedId);
            }
        });
        model.rows().addListener((ListChangeListener<RunRow>) change -> keepSelection());
        page.runIdProperty().addListener((property, old, now) -> {
            if (now == null) {
                selectedId = null;
                table.getSelectionModel().clearSelection();
            }
        });
        summaryLabel.textProperty().bind(model.summary());

        model.reload();
    }

    @FXML
    private void compareSelected() {
        List<String> ids = table.getSelectionModel().getSelectedItems().stream().map(row -> row.run().id()).toList();
        if (ids.size() >= 2) {
            compare.accept(ids);
        }
    }

    /** While the screen is shown: Shortcut+N opens New run, and an active run's page is read every 2 s. */
    private void whileShown() {
        Timeline ticks = new Timeline(new KeyFrame(javafx.util.Duration.seconds(2), event -> tick()));
        ticks.setCycleCount(Animation.INDEFINITE);
        root.sceneProperty().addListener((property, old, now) -> {
            if (old != null) {
                old.getAccelerators().remove(NEW_RUN);
            }
            if (now != null) {
                now.getAccelerators().put(NEW_RUN, this::openNewRun);
                ticks.play();
            } else {
                ticks.stop();
            }
        });
    }

    /** While shown, the page of an active run is read again (its log grows between events). */
    private void tick() {
        if (page.isActive()) {
            page.refresh();
        }
    }

    private void sortChanged() {
        if (table.getSortOrder().isEmpty()) {
            model.sortProperty().set(RunSort.newestFirst());
            return;
        }
        TableColumn<RunRow, ?> by = table.getSortOrder().get(0);
        boolean descending = by.getSortType() == TableColumn.SortType.DESCENDING;
        RunSort sort;
        if (by == nameColumn) {
            sort = RunSort.by(RunSort.By.NAME, descending);
        } else if (by == statusColumn) {
            sort = RunSort.by(RunSort.By.STATUS, descending);
        } else if (by == aucColumn) {
            sort = RunSort.bestMetric("val_auc", descending);
        } else if (by == lossColumn) {
            sort = RunSort.bestMetric("val_loss", descending);
        } else {
            sort = RunSort.by(RunSort.By.CREATED, descending);
        }
        model.sortProperty().set(sort);
    }

    /** After the rows changed, the run selected stays selected (rows are replaced as runs change). */
    private void keepSelection() {
        if (selectedId == null) {
            return;
        }
        RunRow selected = table.getSelectionModel().getSelectedItem();
        if (selected != null && selected.run().id().equals(selectedId)) {
            return;
        }
        int index = model.indexOf(selectedId);
        if (index >= 0) {
            table.getSelectionModel().select(index);
        }
    }

    /** Selects a run (a new one appears in the table once the history lists it) and shows its page. */
    public void select(String runId) {
        selectedId = runId;
        page.show(runId);
        keepSelection();
        int index = model.indexOf(runId);
        if (index >= 0) {
            table.scrollTo(index);
        }
    }

    private void openNewRun() {
        newRunView.show(root.getScene().getWindow(), run -> {
            select(run.id());
            model.refresh();
            table.requestFocus();
        });
    }

    @FXML
    private void newRun(ActionEvent event) {
        openNewRun();
    }

    /** Puts the keyboard focus in the table. */
    public void focus() {
        table.requestFocus();
    }

    private String duration(Run run) {
        Instant from = run.started();
        if (from == null) {
            return "";
        }
        Instant to = run.finished() != null ? run.finished() : run.status().isStopped() ? from : clock.instant();
        return Durations.human(Duration.between(from, to));
    }

    private static Map<String, Double> bestMetrics(RunRow row) {
        return row.best().map(best -> best.metrics()).orElse(Map.of());
    }

    private static String metric(Map<String, Double> metrics, String key) {
        Double value = metrics.get(key);
        return value == null || value.isNaN() ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static void column(TableColumn<RunRow, String> column, Function<RunRow, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    /** A row that asks for the next page as the end of the loaded rows comes near. */
    private final class RunTableRow extends TableRow<RunRow> {
        @Override
        protected void updateItem(RunRow row, boolean empty) {
            super.updateItem(row, empty);
            if (!empty && getIndex() >= model.rows().size() - PREFETCH_ROWS) {
                model.loadMore();
            }
        }
    }
}
