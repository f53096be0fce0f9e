package me.adsby.workbench.app.data;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import me.adsby.workbench.app.fx.FxImages;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.app.task.TaskHandle;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.check.PreviewRow;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.work.Failures;

/** The selected row: its ad image, large, beside its features. The image is decoded in the background. */
final class RowDetail {

    private final DatasetViewModel model;
    private final TaskExecutor tasks;
    private final VBox root = new VBox(10);
    private final ImageView image = new ImageView();
    private final Label imageNote = new Label();
    private final GridPane features = new GridPane();
    private TaskHandle loading;

    RowDetail(DatasetViewModel model, TaskExecutor tasks) {
        this.model = model;
        this.tasks = tasks;
        root.setId("rowDetail");
        root.setPadding(new Insets(8));
        image.setId("rowImage");
        image.setPreserveRatio(true);
        image.setFitWidth(320);
        imageNote.setWrapText(true);
        features.setHgap(10);
        features.setVgap(3);
        Label title = new Label("Selected row");
        title.getStyleClass().add("section-title");
        root.getChildren().addAll(title, image, imageNote, features);
        model.selectedRowProperty().addListener((property, old, now) -> show(now));
        show(null);
    }

    Node root() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        // The image fits the pane's width, up to its own size.
        scroll.viewportBoundsProperty().addListener((property, old, now) ->
                image.setFitWidth(Math.max(80, now.getWidth() - 20)));
        return scroll;
    }

    private void show(PreviewRow row) {
        if (loading != null) {
            loading.cancel();
        }
        features.getChildren().clear();
        image.setImage(null);
        if (row == null) {
            imageNote.setText("Select a row or a thumbnail to see its image and features.");
            return;
        }
        Schema schema = model.schemaProperty().get();
        int line = 0;
        features.addRow(line++, new Label("line"), new Label(Long.toString(row.line())));
        for (ColumnSchema column : schema.columns()) {
            String value = column.index() < row.text().size() ? row.text().get(column.index()) : "(absent)";
            Label name = new Label(column.name());
            name.getStyleClass().add("feature-name");
            Label shown = new Label(value);
            shown.setWrapText(true);
            features.addRow(line++, name, shown);
        }
        if (row.bad()) {
            Label bad = new Label(row.problem().toString());
            bad.getStyleClass().add("problem");
            bad.setWrapText(true);
            features.add(bad, 0, line, 2, 1);
        }
        String reference = model.imageOf(row);
        BlobUri csv = model.csvProperty().get();
        if (reference == null || csv == null) {
            imageNote.setText("This row has no image.");
            return;
        }
        imageNote.setText("Loading " + reference + "…");
        loading = tasks.submit(BackgroundTask.of("Loading " + reference,
                        (progress, cancel) -> FxImages.toFx(model.images().full(csv, reference)))
                .quiet()
                .onSuccess((Image decoded) -> {
                    image.setImage(decoded);
                    imageNote.setText(reference + " (" + (int) decoded.getWidth() + " × " + (int) decoded.getHeight() + ")");
                })
                .onFailure(failure -> imageNote.setText(reference + ": " + Failures.describe(failure))));
    }
}
