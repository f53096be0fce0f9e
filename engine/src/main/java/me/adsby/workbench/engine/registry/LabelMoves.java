package me.adsby.workbench.engine.registry;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.history.RegistryAction;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/**
 * Moves labels the way TF Serving accepts them, in two steps: first the version joins the served set (its own
 * config write), then, once TF Serving has loaded it ({@link VersionAvailability}), the label moves (a second
 * write). TF Serving refuses a config whose label names a version that is not AVAILABLE (FAILED_PRECONDITION)
 * and keeps serving the old config, so one write that serves a version and labels it leaves the label where it
 * was. While a move waits it is recorded ({@link PendingMoves}); publish, {@code registry label}, rollback and
 * the Models screen all move labels through here.
 */
public final class LabelMoves {

    /** What a move did: the version the label now names, and whether it had to wait for a load. */
    public record Moved(String label, long version, Long previous, boolean waited) {
    }

    private final Registry registry;
    private final VersionAvailability availability;
    private final Clock clock;

    public LabelMoves(Registry registry, VersionAvailability availability, Clock clock) {
        this.registry = registry;
        this.availability = availability;
        this.clock = clock;
    }

    /**
     * Points {@code label} at {@code version}: serves it first when it is not served, waits until TF Serving
     * can have loaded it, then moves the label and logs the move as {@code action}.
     */
    public Moved move(String model, long version, String label, RegistryAction action, String reason,
            ProgressListener progress, Cancellation cancel) throws IOException {
        Long previous = registry.readConfig().config().model(model).map(m -> m.labels().get(label)).orElse(null);
        if (previous != null && previous == version) {
            return new Moved(label, version, previous, false);
        }
        boolean added = registry.serveVersion(model, version);
        Instant servedSince = configWrittenAt();
        Instant movesAfter = availability instanceof PollIntervalWait wait ? wait.movesAfter(servedSince) : servedSince;
        boolean waits = added || clock.instant().isBefore(movesAfter) || !(availability instanceof PollIntervalWait);
        if (waits) {
            PendingMoves.put(registry.store(), registry.modelUri(model), new PendingMoves.Move(label, version,
                    action.id(), registry.user(), clock.instant(), movesAfter));
            availability.await(model, version, servedSince, progress, cancel);
        }
        registry.label(model, version, label, action, reason);
        PendingMoves.remove(registry.store(), registry.modelUri(model), label);
        return new Moved(label, version, previous, waits);
    }

    /** Moves {@code production} back to the version before the current one, in the same two steps. */
    public Moved rollback(String model, ProgressListener progress, Cancellation cancel) throws IOException {
        long target = registry.rollbackTarget(model);
        return move(model, target, Registry.PRODUCTION, RegistryAction.ROLLBACK, null, progress, cancel);
    }

    /** The model's moves still waiting (one per label), for {@code registry show}. */
    public PendingMoves pending(String model) throws IOException {
        return PendingMoves.read(registry.store(), registry.modelUri(model));
    }

    public VersionAvailability availability() {
        return availability;
    }

    private Instant configWrittenAt() throws IOException {
        return registry.store().stat(registry.configUri()).map(BlobInfo::updated).orElse(clock.instant());
    }
}
