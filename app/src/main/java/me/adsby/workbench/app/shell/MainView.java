package me.adsby.workbench.app.shell;

import java.util.EnumMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import me.adsby.workbench.app.fx.Fxml;

/**
 * The main window's content: menus, navigation between the screens, the screen shown, notifications over
 * it, and the status bar.
 */
public final class MainView {

    /** What the menus do; the composition root supplies it. */
    public interface Actions {
        void openFolder();

        void showSettings();

        void showAbout();
    }

    private final MainViewModel model;
    private final Map<Screen, Node> screens;
    private final Node notifications;
    private final Node statusBar;
    private final Actions actions;
    private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);
    private final Parent root;

    @FXML private BorderPane rootPane;
    @FXML private VBox navigation;
    @FXML private StackPane content;
    @FXML private Menu viewMenu;

    public MainView(MainViewModel model, Map<Screen, Node> screens, Node notifications, Node statusBar,
            Actions actions) {
        this.model = model;
        this.screens = new EnumMap<>(screens);
        this.notifications = notifications;
        this.statusBar = statusBar;
        this.actions = actions;
        this.root = Fxml.load(this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        for (Screen screen : Screen.values()) {
            ToggleButton button = new ToggleButton(screen.title());
            button.setId("nav" + screen.title());
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setUserData(screen);
            button.getStyleClass().add("nav-button");
            navButtons.put(screen, button);
            navigation.getChildren().add(button);

            MenuItem item = new MenuItem(screen.title());
            item.setAccelerator(new KeyCodeCombination(screen.key(), KeyCombination.SHORTCUT_DOWN));
            item.setOnAction(event -> model.show(screen));
            viewMenu.getItems().add(item);
        }
        group.selectedToggleProperty().addListener((property, old, now) -> {
            if (now == null) {
                old.setSelected(true);  // a screen is always shown
            } else {
                model.show((Screen) now.getUserData());
            }
        });
        model.screenProperty().addListener((property, old, now) -> show(now));
        StackPane.setAlignment(notifications, Pos.TOP_RIGHT);
        rootPane.setBottom(statusBar);
        show(model.screenProperty().get());
    }

    private void show(Screen screen) {
        Toggle button = navButtons.get(screen);
        if (!button.isSelected()) {
            button.setSelected(true);
        }
        content.getChildren().setAll(screens.get(screen), notifications);
    }

    @FXML
    private void openFolder(ActionEvent event) {
        model.show(Screen.DATA);
        actions.openFolder();
    }

    @FXML
    private void showSettings(ActionEvent event) {
        actions.showSettings();
    }

    @FXML
    private void showAbout(ActionEvent event) {
        actions.showAbout();
    }

    @FXML
    private void quit(ActionEvent event) {
        Platform.exit();
    }
}
