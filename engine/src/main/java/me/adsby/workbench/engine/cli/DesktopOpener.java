package me.adsby.workbench.engine.cli;

import me.adsby.workbench.storage.home.WorkbenchHome;

/** Opens the desktop application on a home; supplied by the app module, absent in a headless build. */
@FunctionalInterface
public interface DesktopOpener {

    /** Opens the app and returns its exit status once the window is closed. */
    int open(WorkbenchHome home) throws Exception;
}
