package me.adsby.workbench.app;

import java.util.Locale;
import me.adsby.workbench.engine.cli.WorkbenchCli;

/**
 * The entry point of {@code ./workbench}: with no command it opens the desktop app, otherwise it runs the
 * headless command. A plain class, not an {@code Application}, so JavaFX runs from the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Workbench draws with Java2D only off-screen (banners, thumbnails); JavaFX does the windows.
        System.setProperty("java.awt.headless", "true");
        NativeCache.configure();
        int status = WorkbenchCli.run(home -> {
            requireDisplay();
            WorkbenchApplication.open(home);
            return 0;
        }, home -> LogFiles.writeTo(home.logs()), args);
        System.exit(status);
    }

    /** On Linux, says clearly that there is no display, rather than letting the toolkit fail obscurely. */
    private static void requireDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || System.getProperty("glass.platform") != null;
        if (linux && !display) {
            throw new IllegalStateException("No display to open the window on (DISPLAY is not set). Run "
                    + "./workbench on a desktop or under xvfb-run, or give a command: ./workbench --help");
        }
    }
}
