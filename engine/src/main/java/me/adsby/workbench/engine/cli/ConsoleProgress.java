package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import me.adsby.workbench.storage.work.Progress;
import me.adsby.workbench.storage.work.ProgressListener;

/** Prints progress on standard error, one line per tenth of the work, so logs and pipes stay readable. */
final class ConsoleProgress implements ProgressListener {

    private final PrintWriter err;
    private final String what;
    private int lastTenth = -1;

    ConsoleProgress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public synchronized void onProgress(Progress progress) {
        double fraction = progress.fraction();
        if (fraction < 0) {
            return;
        }
        int tenth = (int) Math.floor(fraction * 10);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.printf("%s: %3d%% (%d of %d)%n", what, tenth * 10, progress.done(), progress.total());
            err.flush();
        }
    }
}
