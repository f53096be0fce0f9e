package me.adsby.workbench.app.publish;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import me.adsby.workbench.app.fx.DialogService;
import me.adsby.workbench.engine.registry.Registry;

/**
 * The Publish dialog of a run: model name, label and evaluation dataset; Check gate shows the validation
 * gate's report; Publish writes the version (after a failed check only with an override reason).
 */
public final class PublishDialog {

    private final PublishViewModel model;
    private final DialogService dialogs;
    private final Window owner;
    private Stage stage;

    public PublishDialog(PublishViewModel model, DialogService dialogs, Window owner) {
        this.model = model;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    /** Opens the dialog for a run (one at a time: a second call brings it forward for the new run). */
    public void show(String runId) {
        model.open(runId);
        if (stage == null) {
            stage = build();
        }
        stage.setTitle("Publish run " + runId);
        stage.show();
        stage.toFront();
    }

    private Stage build() {
        TextField name = new TextField();
        name.setId("publishModelName");
        name.textProperty().bindBidirectional(model.modelNameProperty());
        ComboBox<String> label = new ComboBox<>();
        label.setId("publishLabel");
        label.getItems().setAll(Registry.STAGING, Registry.PRODUCTION, PublishViewModel.NO_LABEL);
        label.valueProperty().bindBidirectional(model.labelProperty());
        TextField data = new TextField();
        data.setId("publishEvaluationData");
        data.setPromptText("The rows production was judged on (first version: the run's validation rows)");
        data.textProperty().bindBidirectional(model.evaluationDataProperty());
        Button browse = new Button("_Browse…");
        browse.setOnAction(event -> dialogs.chooseFile("Evaluation dataset", null)
                .ifPresent(path -> data.setText(path.toString())));
        HBox dataLine = new HBox(6, data, browse);
        HBox.setHgrow(data, Priority.ALWAYS);
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problemProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, labelFor("Model _name:", name), name);
        form.addRow(1, labelFor("_Label:", label), label);
        form.addRow(2, labelFor("_Evaluation data:", data), dataLine);
        GridPane.setHgrow(dataLine, Priority.ALWAYS);

        TextArea report = new TextArea();
        report.setId("publishReport");
        report.setEditable(false);
        report.setWrapText(true);
        report.setStyle("-fx-font-family: monospace;");
        report.textProperty().bind(model.reportProperty());
        VBox.setVgrow(report, Priority.ALWAYS);

        TextField reason = new TextField();
        reason.setId("publishOverrideReason");
        reason.setPromptText("Why publish although the gate fails (kept in the audit log)");
        reason.textProperty().bindBidirectional(model.overrideReasonProperty());
        reason.disableProperty().bind(model.stateProperty().isNotEqualTo(PublishViewModel.State.FAILED));
        HBox reasonLine = new HBox(6, labelFor("Override _reason:", reason), reason);
        reasonLine.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(reason, Priority.ALWAYS);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.stateProperty().isEqualTo(PublishViewModel.State.CHECKING)
                .or(model.stateProperty().isEqualTo(PublishViewModel.State.PUBLISHING)));
        Button check = new Button("_Check gate");
        check.setId("publishCheck");
        check.setDefaultButton(true);
        check.disableProperty().bind(model.canCheck().not());
        check.setOnAction(event -> model.check());
        Button publish = new Button("_Publish");
        publish.setId("publishButton");
        publish.disableProperty().bind(model.canPublish().not());
        publish.textProperty().bind(Bindings.when(model.stateProperty().isEqualTo(PublishViewModel.State.FAILED))
                .then("_Publish anyway").otherwise("_Publish"));
        publish.setOnAction(event -> model.publish());
        Button close = new Button("Close");
        close.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, busy, spacer, check, publish, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox content = new VBox(10, form, problem, new Label("Validation gate"), report, reasonLine, buttons);
        content.setPadding(new Insets(14));
        content.setPrefSize(720, 560);
        Stage built = new Stage();
        built.initOwner(owner);
        built.initModality(Modality.WINDOW_MODAL);
        Scene scene = new Scene(content);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        built.setScene(scene);
        close.setOnAction(event -> built.hide());
        return built;
    }

    private static Label labelFor(String text, javafx.scene.Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }
}
