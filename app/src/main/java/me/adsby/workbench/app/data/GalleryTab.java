package me.adsby.workbench.app.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import me.adsby.workbench.app.fx.FxImages;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.app.task.TaskHandle;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.check.PreviewRow;
import me.adsby.workbench.storage.work.Failures;

/**
 * The ad images of the previewed rows as thumbnails, a few per line in a virtualized list: only visible
 * thumbnails are loaded, on a small pool of threads. Clicking one selects its row.
 */
final class GalleryTab {

    static final int PER_LINE = 4;
    static final double CELL = 170;
    /** Thumbnails kept as JavaFX images, on top of the storage's own memory and disk caches. */
    private static final int FX_CACHE = 400;

    private final DatasetViewModel model;
    private final TaskExecutor thumbnails;
    private final ListView<List<PreviewRow>> lines = new ListView<>();
    private final Map<String, Image> shown = new LinkedHashMap<>(FX_CACHE, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > FX_CACHE;
        }
    };

    GalleryTab(DatasetViewModel model, TaskExecutor thumbnails) {
        this.model = model;
        this.thumbnails = thumbnails;
        lines.setId("gallery");
        lines.setCellFactory(view -> new ThumbnailLine());
        lines.setPlaceholder(new Label("No images: the CSV has no image column, or no rows yet."));
        model.rows().addListener((ListChangeListener<PreviewRow>) change -> refill());
        model.csvProperty().addListener((property, old, now) -> shown.clear());
    }

    Node root() {
        return lines;
    }

    private void refill() {
        List<PreviewRow> withImages = model.rowsWithImages();
        List<List<PreviewRow>> chunked = new ArrayList<>();
        for (int i = 0; i < withImages.size(); i += PER_LINE) {
            chunked.add(withImages.subList(i, Math.min(withImages.size(), i + PER_LINE)));
        }
        lines.getItems().setAll(chunked);
    }

    /** One line of thumbnails; reused as the list scrolls, cancelling loads it no longer needs. */
    private final class ThumbnailLine extends ListCell<List<PreviewRow>> {
        private final HBox box = new HBox(8);
        private final List<TaskHandle> loads = new ArrayList<>();

        @Override
        protected void updateItem(List<PreviewRow> rows, boolean empty) {
            super.updateItem(rows, empty);
            loads.forEach(TaskHandle::cancel);
            loads.clear();
            box.getChildren().clear();
            if (empty || rows == null) {
                setGraphic(null);
                return;
            }
            for (PreviewRow row : rows) {
                box.getChildren().add(tile(row));
            }
            setGraphic(box);
        }

        private Node tile(PreviewRow row) {
            String reference = model.imageOf(row);
            ImageView view = new ImageView();
            view.setFitWidth(CELL - 10);
            view.setFitHeight(CELL - 30);
            view.setPreserveRatio(true);
            Label caption = new Label("line " + row.line());
            StackPane frame = new StackPane(view);
            frame.setPrefSize(CELL - 10, CELL - 30);
            VBox tile = new VBox(2, frame, caption);
            tile.setAlignment(Pos.CENTER);
            tile.getStyleClass().add("thumbnail");
            tile.setOnMouseClicked(click -> model.selectedRowProperty().set(row));
            String key = model.csvProperty().get() + "|" + reference;
            Image cached = shown.get(key);
            if (cached != null) {
                view.setImage(cached);
            } else {
                BlobUri csv = model.csvProperty().get();
                loads.add(thumbnails.submit(BackgroundTask.of("Thumbnail " + reference, (progress, cancel) -> {
                    cancel.throwIfCancelled();
                    return FxImages.toFx(model.images().thumbnail(csv, reference));
                }).quiet().onSuccess(image -> {
                    shown.put(key, image);
                    view.setImage(image);
                }).onFailure(failure -> caption.setText("line " + row.line() + ": " + Failures.describe(failure)))));
            }
            return tile;
        }
    }
}
