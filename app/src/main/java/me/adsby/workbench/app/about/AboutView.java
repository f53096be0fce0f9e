package me.adsby.workbench.app.about;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.stage.Window;
import me.adsby.workbench.app.fx.Fxml;

/** The About dialog: what Workbench is and the versions it runs on. */
public final class AboutView {

    private final AboutViewModel model;
    private final Parent root;

    @FXML private Label workbenchLabel;
    @FXML private Label javaLabel;
    @FXML private Label javafxLabel;
    @FXML private Label tensorflowJavaLabel;
    @FXML private Label tensorflowRuntimeLabel;

    public AboutView(AboutViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        workbenchLabel.setText(model.workbench());
        javaLabel.setText(model.java());
        javafxLabel.setText(model.javafx());
        tensorflowJavaLabel.setText(model.tensorflowJava());
        tensorflowRuntimeLabel.textProperty().bind(model.tensorflowRuntimeProperty());
    }

    public void show(Window owner) {
        model.loadTensorflowRuntime();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Workbench");
        dialog.getDialogPane().setContent(root);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
