package me.adsby.workbench.engine.registry;

import java.io.IOException;
import java.time.Instant;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * How a label move learns that TF Serving has loaded the version the label is to point at: TF Serving refuses
 * a config whose label names a version that is not AVAILABLE yet (FAILED_PRECONDITION) and keeps the old one.
 * Either the serving endpoint says so ({@link ServingStatusWait}) or the config poll interval has passed since
 * the version joined the served set ({@link PollIntervalWait}).
 */
public interface VersionAvailability {

    /**
     * Returns once the version may be labelled; throws when it will not be.
     *
     * @param servedSince when the config that serves the version was written
     * @throws IOException naming the version and why, when it is not loaded in time
     * @throws java.util.concurrent.CancellationException when cancelled (the move stays pending)
     */
    void await(String model, long version, Instant servedSince, ProgressListener progress, Cancellation cancel)
            throws IOException;

    /** Says, in words, what {@link #await} waits for: for {@code registry show} and progress lines. */
    String describe();
}
