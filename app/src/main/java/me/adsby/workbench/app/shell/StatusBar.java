package me.adsby.workbench.app.shell;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import me.adsby.workbench.app.task.RunningTask;
import me.adsby.workbench.app.task.TaskExecutor;

/** The bottom bar: where the home is, and each background task with its progress and a Cancel button. */
public final class StatusBar {

    private final HBox root = new HBox(12);
    private final HBox tasksBox = new HBox(16);
    private final Label idle = new Label("Ready");

    public StatusBar(TaskExecutor tasks, String homeDescription) {
        root.getStyleClass().add("status-bar");
        root.setPadding(new Insets(4, 10, 4, 10));
        root.setAlignment(Pos.CENTER_LEFT);
        Label home = new Label(homeDescription);
        home.getStyleClass().add("status-home");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        tasksBox.setAlignment(Pos.CENTER_RIGHT);
        root.getChildren().addAll(home, spacer, tasksBox);
        tasks.running().addListener((ListChangeListener<RunningTask>) change -> show(tasks));
        show(tasks);
    }

    public Node root() {
        return root;
    }

    private void show(TaskExecutor tasks) {
        tasksBox.getChildren().clear();
        if (tasks.running().isEmpty()) {
            tasksBox.getChildren().add(idle);
            return;
        }
        for (RunningTask task : tasks.running()) {
            tasksBox.getChildren().add(taskView(task));
        }
    }

    private static Node taskView(RunningTask task) {
        Label title = new Label(task.title());
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(140);
        bar.progressProperty().bind(task.progressProperty());
        Label message = new Label();
        message.textProperty().bind(task.messageProperty());
        message.getStyleClass().add("status-message");
        Button cancel = new Button("Cancel");
        cancel.getStyleClass().add("status-cancel");
        cancel.setTooltip(new Tooltip("Cancel " + task.title()));
        cancel.setOnAction(event -> {
            task.cancel();
            cancel.setDisable(true);
        });
        HBox box = new HBox(6, title, bar, message, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("status-task");
        return box;
    }
}
