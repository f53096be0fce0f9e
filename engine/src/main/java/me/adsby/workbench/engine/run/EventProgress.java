package me.adsby.workbench.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import me.adsby.workbench.storage.work.Progress;
import me.adsby.workbench.storage.work.ProgressListener;

/** Turns fine-grained progress into a progress event at most every few seconds (and at the end). */
final class EventProgress implements ProgressListener {

    static final Duration EVERY = Duration.ofSeconds(2);

    private final EventWriter events;
    private final String phase;
    private final Clock clock;
    private Instant last = Instant.MIN;

    EventProgress(EventWriter events, String phase, Clock clock) {
        this.events = events;
        this.phase = phase;
        this.clock = clock;
    }

    @Override
    public synchronized void onProgress(Progress progress) {
        Instant now = clock.instant();
        boolean finished = progress.total() >= 0 && progress.done() >= progress.total();
        if (!finished && Duration.between(last, now).compareTo(EVERY) < 0) {
            return;
        }
        last = now;
        events.append(RunEvents.PROGRESS, events.data().put("phase", phase).put("done", progress.done())
                .put("total", progress.total()));
        try {
            events.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
