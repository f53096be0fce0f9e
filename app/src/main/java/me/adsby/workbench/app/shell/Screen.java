package me.adsby.workbench.app.shell;

import javafx.scene.input.KeyCode;

/** The screens of the main window, in navigation order, with their keyboard shortcuts (Shortcut+1..4). */
public enum Screen {
    DATA("Data", KeyCode.DIGIT1),
    RUNS("Runs", KeyCode.DIGIT2),
    COMPARE("Compare", KeyCode.DIGIT3),
    MODELS("Models", KeyCode.DIGIT4);

    private final String title;
    private final KeyCode key;

    Screen(String title, KeyCode key) {
        this.title = title;
        this.key = key;
    }

    public String title() {
        return title;
    }

    public KeyCode key() {
        return key;
    }
}
