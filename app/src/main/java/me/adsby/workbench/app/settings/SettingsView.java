package me.adsby.workbench.app.settings;

import java.util.List;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import javafx.util.StringConverter;
import me.adsby.workbench.app.fx.Fxml;
import me.adsby.workbench.storage.settings.TrainingTarget;

/** The Settings dialog: GCS project and endpoint, default training target, recent locations. */
public final class SettingsView {

    private final SettingsViewModel model;
    private final Parent root;

    @FXML private TextField gcsProjectField;
    @FXML private TextField gcsEndpointField;
    @FXML private ComboBox<TrainingTarget> targetBox;
    @FXML private ListView<String> recentList;
    @FXML private Button forgetButton;

    public SettingsView(SettingsViewModel model) {
        this.model = model;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        gcsProjectField.textProperty().bindBidirectional(model.gcsProjectProperty());
        gcsEndpointField.textProperty().bindBidirectional(model.gcsEndpointProperty());
        targetBox.getItems().setAll(List.of(TrainingTarget.values()));
        targetBox.valueProperty().bindBidirectional(model.targetProperty());
        targetBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(TrainingTarget target) {
                return target == null ? "" : target.displayName();
            }

            @Override
            public TrainingTarget fromString(String text) {
                return null;
            }
        });
        recentList.setItems(model.recentLocations());
        forgetButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.recentLocations()));
    }

    @FXML
    private void forgetRecent(ActionEvent event) {
        model.forgetRecentLocations();
    }

    public void show(Window owner) {
        model.reset();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        dialog.getDialogPane().setContent(root);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnHidden(event -> {
            if (dialog.getResult() == ButtonType.OK) {
                model.apply();
            }
        });
        dialog.show();
    }
}
