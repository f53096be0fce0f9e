package me.adsby.workbench.app.data;

import java.util.Locale;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.check.ValidationReport;

/** Every bad row of the file as {@code file:line: reason}, with counts per kind, after a full validation. */
final class ProblemsTab {

    private final ListView<String> problems = new ListView<>();
    private final Label summary = new Label("Validate to read the whole file and list every bad row.");
    private final VBox root = new VBox(6);

    ProblemsTab(DatasetViewModel model) {
        problems.setId("problemsList");
        summary.setId("validationSummary");
        summary.setWrapText(true);
        Button validate = new Button("_Validate all rows");
        validate.setMnemonicParsing(true);
        validate.setId("validateButton");
        validate.disableProperty().bind(model.schemaProperty().isNull());
        validate.setOnAction(event -> model.validate());
        VBox.setVgrow(problems, Priority.ALWAYS);
        root.getChildren().addAll(new HBox(8, validate, summary), problems);
        model.validationProperty().addListener((property, old, now) -> show(now));
    }

    Node root() {
        return root;
    }

    private void show(ValidationReport report) {
        if (report == null) {
            problems.getItems().clear();
            summary.setText("Validate to read the whole file and list every bad row.");
            return;
        }
        problems.getItems().setAll(report.problems().stream().map(RowProblem::toString).toList());
        StringBuilder text = new StringBuilder();
        text.append(report.rowsRead()).append(" rows read, ").append(report.badRows()).append(" bad");
        for (Map.Entry<ProblemKind, Long> count : report.problemCounts().entrySet()) {
            text.append("; ").append(count.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(": ").append(count.getValue());
        }
        if (report.detailsLeftOut() > 0) {
            text.append("; ").append(report.detailsLeftOut()).append(" more not listed");
        }
        if (!report.complete()) {
            text.append(". Reading stopped early: the rest of the file cannot be trusted");
        }
        text.append(report.valid() ? ". No problems." : ".");
        summary.setText(text.toString());
    }
}
