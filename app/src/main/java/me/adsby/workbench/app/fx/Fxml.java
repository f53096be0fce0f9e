package me.adsby.workbench.app.fx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML with the view object as its controller (views are built by constructor). */
public final class Fxml {

    private Fxml() {
    }

    /** Loads {@code <ViewClassName>.fxml} from beside the view's class. */
    public static Parent load(Object view) {
        String name = view.getClass().getSimpleName() + ".fxml";
        URL location = view.getClass().getResource(name);
        if (location == null) {
            throw new IllegalStateException("Missing " + name + " beside " + view.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(location);
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + location, e);
        }
    }
}
