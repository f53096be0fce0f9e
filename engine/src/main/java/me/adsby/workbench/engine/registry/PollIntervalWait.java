package me.adsby.workbench.engine.registry;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Waits out TF Serving's config poll interval ({@code --model_config_file_poll_wait_seconds}, which the
 * registry records; 60 s unless set) after the version joined the served set: by then TF Serving has read the
 * config that serves it and begun loading it. Sleeps in steps of at most a second, reporting the time left.
 */
public final class PollIntervalWait implements VersionAvailability {

    private final Duration interval;
    private final Clock clock;

    public PollIntervalWait(Duration interval, Clock clock) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The poll interval cannot be negative: " + interval);
        }
        this.interval = interval;
        this.clock = clock;
    }

    /** When a version served since {@code servedSince} may be labelled. */
    public Instant movesAfter(Instant servedSince) {
        return servedSince.plus(interval);
    }

    @Override
    public void await(String model, long version, Instant servedSince, ProgressListener progress, Cancellation cancel)
            throws InterruptedIOException {
        Instant after = movesAfter(servedSince);
        long total = Math.max(1, interval.toMillis());
        for (Instant now = clock.instant(); now.isBefore(after); now = clock.instant()) {
            cancel.throwIfCancelled();
            long left = Duration.between(now, after).toMillis();
            progress.report(total - left, total, String.format(Locale.ROOT, "Waiting %d s more for TF Serving to load version"
                    + " %d of %s (its config poll interval, %d s) before the label moves", (left + 999) / 1000, version, model,
                    interval.toSeconds()));
            try {
                Thread.sleep(Math.min(left, 1_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for version " + version + " of " + model);
            }
        }
    }

    @Override
    public String describe() {
        return "the config poll interval, " + interval.toSeconds() + " s, after the version is served";
    }
}
