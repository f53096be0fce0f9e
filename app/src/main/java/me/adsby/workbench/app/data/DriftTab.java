package me.adsby.workbench.app.data;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import me.adsby.workbench.storage.dataset.drift.FeatureDrift;

/** Drift of each feature between the open CSV and a candidate CSV, with the formulas spelled out. */
final class DriftTab {

    static final String HELP = "Categorical features: L-infinity distance, the largest difference in any value's "
            + "share of rows, max over v of |p_base(v) − p_candidate(v)|. Numeric features: Jensen–Shannon "
            + "divergence of the two histograms on shared bins, JS(P, Q) = ½ KL(P ‖ M) + ½ KL(Q ‖ M) with "
            + "M = ½ (P + Q) and log base 2, so 0 means the same and 1 means disjoint. Both as TensorFlow Data "
            + "Validation defines them. A feature is flagged when its value exceeds the threshold.";

    private final VBox root = new VBox(6);

    DriftTab(DriftViewModel model) {
        TextField candidate = new TextField();
        candidate.setId("driftCandidate");
        candidate.setPromptText("The candidate CSV: gs://bucket/new.csv or /an/absolute/new.csv");
        HBox.setHgrow(candidate, Priority.ALWAYS);
        Button compare = new Button("_Compare");
        compare.setMnemonicParsing(true);
        compare.setId("driftCompare");
        compare.setDefaultButton(false);
        compare.setOnAction(event -> model.compareWith(candidate.getText()));
        candidate.setOnAction(event -> model.compareWith(candidate.getText()));
        Spinner<Double> threshold = new Spinner<>(0.0, 1.0, DriftViewModel.DEFAULT_THRESHOLD, 0.01);
        threshold.setEditable(true);
        threshold.setPrefWidth(90);
        threshold.valueProperty().addListener((property, old, now) -> model.thresholdProperty().set(now));
        HBox controls = new HBox(8, new Label("Candidate:"), candidate, compare, new Label("Threshold:"), threshold);
        controls.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        TableView<FeatureDrift> table = new TableView<>(model.features());
        table.setId("driftTable");
        table.getColumns().add(column("Feature", 200, drift -> drift.feature()));
        table.getColumns().add(column("Measure", 200, drift -> drift.name()));
        table.getColumns().add(column("Value", 90, drift -> String.format(Locale.ROOT, "%.4f", drift.value())
                + (drift.estimated() ? " ≈" : "")));
        table.getColumns().add(column("Drift", 80, drift -> drift.drifted() ? "DRIFT" : "ok"));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(FeatureDrift drift, boolean empty) {
                super.updateItem(drift, empty);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("drifted"), !empty && drift != null && drift.drifted());
            }
        });
        table.setPlaceholder(new Label("Choose a candidate CSV to compare with the open one."));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label help = new Label(HELP);
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        root.getChildren().addAll(controls, problem, table, summary, help);
    }

    Node root() {
        return root;
    }

    private static TableColumn<FeatureDrift, String> column(String title, double width,
            java.util.function.Function<FeatureDrift, String> value) {
        TableColumn<FeatureDrift, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        return column;
    }
}
