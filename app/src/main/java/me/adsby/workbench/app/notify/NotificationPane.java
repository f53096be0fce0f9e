package me.adsby.workbench.app.notify;

import java.util.IdentityHashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Shows notifications as cards in a corner, over the window and without blocking it. Information closes
 * by itself after a while; errors stay until dismissed and can show their details.
 */
public final class NotificationPane {

    static final Duration INFO_SHOWN_FOR = Duration.seconds(8);

    private final Notifications notifications;
    private final VBox root = new VBox(8);
    private final Map<Notification, Node> cards = new IdentityHashMap<>();

    public NotificationPane(Notifications notifications) {
        this.notifications = notifications;
        root.getStyleClass().add("notifications");
        root.setAlignment(Pos.TOP_RIGHT);
        root.setPickOnBounds(false);
        root.setMaxWidth(Region.USE_PREF_SIZE);
        root.setMaxHeight(Region.USE_PREF_SIZE);
        notifications.shown().addListener((ListChangeListener<Notification>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(removed -> root.getChildren().remove(cards.remove(removed)));
                change.getAddedSubList().forEach(this::addCard);
            }
        });
    }

    public Node root() {
        return root;
    }

    private void addCard(Notification notification) {
        Label title = new Label(notification.title());
        title.getStyleClass().add("notification-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("✕");
        close.getStyleClass().add("notification-close");
        close.setAccessibleText("Dismiss");
        close.setOnAction(event -> notifications.dismiss(notification));
        HBox header = new HBox(8, title, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label(notification.message());
        message.setWrapText(true);
        VBox card = new VBox(6, header, message);
        card.getStyleClass().addAll("notification", notification.level().name().toLowerCase(java.util.Locale.ROOT));
        card.setPrefWidth(380);

        if (!notification.details().isEmpty()) {
            TextArea details = new TextArea(notification.details());
            details.setEditable(false);
            details.setWrapText(true);
            details.setPrefRowCount(5);
            details.setVisible(false);
            details.managedProperty().bind(details.visibleProperty());
            ToggleButton toggle = new ToggleButton("Details");
            toggle.getStyleClass().add("notification-details");
            details.visibleProperty().bind(toggle.selectedProperty());
            card.getChildren().addAll(toggle, details);
        }
        cards.put(notification, card);
        root.getChildren().add(card);

        if (notification.level() == Notification.Level.INFO) {
            PauseTransition later = new PauseTransition(INFO_SHOWN_FOR);
            later.setOnFinished(event -> notifications.dismiss(notification));
            later.play();
        }
    }
}
