package me.adsby.workbench.storage.settings;

import java.io.IOException;

/** The settings file exists but cannot be read as settings. The message names the file, line and reason. */
public final class SettingsException extends IOException {

    private static final long serialVersionUID = 1L;

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
