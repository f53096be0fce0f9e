package me.adsby.workbench.app.shell;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import me.adsby.workbench.app.fx.Fxml;

/**
 * A screen that this build does not have yet: it says plainly what it will hold, and offers no controls
 * that would pretend otherwise.
 */
public final class PlannedScreen {

    private final String title;
    private final String description;
    private final Parent root;

    @FXML private Label titleLabel;
    @FXML private Label descriptionLabel;

    public PlannedScreen(String title, String description) {
        this.title = title;
        this.description = description;
        this.root = Fxml.load(this);
    }

    @FXML
    private void initialize() {
        titleLabel.setText(title);
        descriptionLabel.setText(description);
    }

    public Parent root() {
        return root;
    }
}
