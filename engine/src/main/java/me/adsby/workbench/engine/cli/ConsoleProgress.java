package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import me.adsby.workbench.storage.work.Progress;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Prints progress on standard error, one line per tenth of the work and one per new step (a message that
 * differs from the last one other than in its numbers, such as "Waiting 59 s more ...", at most
 * {@value #MAX_STEPS}), so logs and pipes stay readable.
 */
final class ConsoleProgress implements ProgressListener {

    /** Step lines printed at most, so that work naming each file it reads cannot flood the console. */
    private static final int MAX_STEPS = 20;

    private final PrintWriter err;
    private final String what;
    private int lastTenth = -1;
    private String lastStep = "";
    private int steps;

    ConsoleProgress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public synchronized void onProgress(Progress progress) {
        String step = progress.message() == null ? "" : progress.message().replaceAll("[0-9]+", "#");
        if (!step.isEmpty() && !step.equals(lastStep) && steps < MAX_STEPS) {
            lastStep = step;
            steps++;
            err.printf("%s: %s%n", what, progress.message());
            err.flush();
        }
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
