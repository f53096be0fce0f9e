package me.adsby.workbench.app.data;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.check.ValidationReport;

/**
 * Every problem of the file as {@code file:line: reason} (bad rows, unusable images, a file without rows),
 * with counts per kind, after a full validation. Clicking a problem (or Enter on it) selects its row on the
 * Rows tab when the rows shown hold it.
 */
final class ProblemsTab {

    private static final String PROMPT = "Validate to read the whole file, check every image and list every problem.";

    private final DatasetViewModel model;
    private final Runnable showRows;
    private final ListView<RowProblem> problems = new ListView<>();
    private final Label summary = new Label(PROMPT);
    private final Label note = new Label();
    private final VBox root = new VBox(6);

    /** @param showRows brings the Rows tab forward */
    ProblemsTab(DatasetViewModel model, Runnable showRows) {
        this.model = model;
        this.showRows = showRows;
        problems.setId("problemsList");
        problems.setCellFactory(list -> new ProblemCell());
        summary.setId("validationSummary");
        summary.setWrapText(true);
        note.setId("problemNote");
        note.setWrapText(true);
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        Button validate = new Button("_Validate all rows");
        validate.setMnemonicParsing(true);
        validate.setId("validateButton");
        validate.disableProperty().bind(model.schemaProperty().isNull());
        validate.setOnAction(event -> model.validate());
        problems.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                open(problems.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(problems, Priority.ALWAYS);
        root.getChildren().addAll(new HBox(8, validate, summary), problems, note);
        model.validationProperty().addListener((property, old, now) -> show(now));
    }

    Node root() {
        return root;
    }

    /** Selects the problem's row and shows it, or says why it cannot. */
    private void open(RowProblem problem) {
        if (problem == null) {
            return;
        }
        if (model.selectLine(problem.line())) {
            note.setText("");
            showRows.run();
        } else {
            note.setText("Line " + problem.line() + " is not among the " + model.rows().size()
                    + " rows shown on the Rows tab.");
        }
    }

    private void show(ValidationReport report) {
        note.setText("");
        if (report == null) {
            problems.getItems().clear();
            summary.setText(PROMPT);
            return;
        }
        problems.getItems().setAll(report.problems());
        StringBuilder text = new StringBuilder();
        text.append(report.rowsRead()).append(" rows read, ").append(report.badRows()).append(" bad");
        for (Map.Entry<ProblemKind, Long> count : new TreeMap<>(report.problemCounts()).entrySet()) {
            text.append("; ").append(count.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(": ").append(count.getValue());
        }
        if (report.detailsLeftOut() > 0) {
            text.append("; ").append(report.detailsLeftOut()).append(" more not listed");
        }
        if (!report.complete()) {
            text.append(". Reading stopped early: the rest of the file cannot be trusted");
        }
        text.append(report.valid() ? ". No problems." : ". Click a problem to see its row.");
        summary.setText(text.toString());
    }

    /** A problem as {@code file:line: reason}; a click opens its row. */
    private final class ProblemCell extends ListCell<RowProblem> {

        ProblemCell() {
            getStyleClass().add("problem-cell");
            setOnMouseClicked(event -> {
                if (!isEmpty()) {
                    open(getItem());
                }
            });
        }

        @Override
        protected void updateItem(RowProblem problem, boolean empty) {
            super.updateItem(problem, empty);
            setText(empty || problem == null ? null : problem.toString());
        }
    }
}
