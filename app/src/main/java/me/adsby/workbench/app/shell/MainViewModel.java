package me.adsby.workbench.app.shell;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The main window's state: which screen is shown. */
public final class MainViewModel {

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.DATA);

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public void show(Screen target) {
        screen.set(target);
    }
}
