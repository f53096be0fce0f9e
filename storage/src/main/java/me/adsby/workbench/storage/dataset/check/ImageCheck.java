package me.adsby.workbench.storage.dataset.check;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.image.ImageFacts;
import me.adsby.workbench.storage.image.ImageProbe;
import me.adsby.workbench.storage.image.ImageStatus;
import me.adsby.workbench.storage.work.Cancellation;

/**
 * Checks the image cell of each good row while a validation reads the file: every reference is probed (its
 * header and last bytes, refused over the decoder's pixel limit, never decoded whole) on a small pool, at most
 * {@value #IN_FLIGHT} rows ahead of the reader, so memory and threads stay bounded whatever the file's size.
 * A missing cell is not a problem. The problems found keep their row's line; the first {@code maxDetails}
 * by line are kept, all are counted. {@link #offer} is called by one reading thread.
 */
final class ImageCheck implements AutoCloseable {

    /** Probes running or queued at most. */
    static final int IN_FLIGHT = 64;

    /** How long a wait for the pool lasts before cancellation is checked again. */
    private static final long POLL_MILLIS = 50;

    private final String file;
    private final int column;
    private final ImageProbe probe;
    private final Cancellation cancel;
    private final int maxDetails;
    private final ExecutorService pool;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    /** The kept problems, the one with the greatest line on top (the first evicted). */
    private final PriorityQueue<RowProblem> kept =
            new PriorityQueue<>(Comparator.comparingLong(RowProblem::line).reversed());
    private final Map<ProblemKind, Long> counts = new EnumMap<>(ProblemKind.class);
    private long total;
    private long checked;

    private ImageCheck(String file, int column, ImageProbe probe, int threads, int maxDetails, Cancellation cancel) {
        this.file = file;
        this.column = column;
        this.probe = probe;
        this.cancel = cancel;
        this.maxDetails = maxDetails;
        this.pool = probe == null ? null : Executors.newFixedThreadPool(threads, daemonThreads());
    }

    /**
     * @param probe   resolves and probes a cell, or null to check no image
     * @param threads probes at once
     * @return a check that does nothing when the schema has no image column or there is no probe
     */
    static ImageCheck start(String file, Schema schema, ImageProbe probe, int threads, int maxDetails,
                            Cancellation cancel) {
        int column = schema.image().map(ColumnSchema::index).orElse(-1);
        return new ImageCheck(file, column, column < 0 ? null : probe, threads, maxDetails, cancel);
    }

    /** Queues the row's image for a probe, waiting while {@value #IN_FLIGHT} are in flight. */
    void offer(RowParser row, long line) {
        if (pool == null || row.missing(column)) {
            return;
        }
        String reference = row.text(column);
        acquire(1);
        checked++;
        pool.execute(() -> {
            try {
                if (!cancel.isCancelled()) {
                    record(line, probeOne(reference));
                }
            } finally {
                slots.release();
            }
        });
    }

    private ImageFacts probeOne(String reference) {
        try {
            return probe.probe(reference);
        } catch (RuntimeException e) {
            // A probe never throws for a bad image; this is the store failing (no store for the URI).
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ImageFacts(ImageStatus.UNREADABLE, 0, 0, -1, "'" + reference.strip() + "': " + reason);
        }
    }

    private synchronized void record(long line, ImageFacts facts) {
        ProblemKind kind = kindOf(facts.status());
        if (kind == null) {
            return;
        }
        counts.merge(kind, 1L, Long::sum);
        total++;
        if (maxDetails > 0) {
            kept.add(new RowProblem(file, line, kind, "image " + facts.problem()));
            if (kept.size() > maxDetails) {
                kept.poll();
            }
        }
    }

    /**
     * Waits for the probes in flight.
     *
     * @throws java.util.concurrent.CancellationException when cancelled meanwhile
     */
    ImageFindings finish() {
        if (pool == null) {
            return ImageFindings.NONE;
        }
        acquire(IN_FLIGHT);
        slots.release(IN_FLIGHT);
        cancel.throwIfCancelled();
        synchronized (this) {
            List<RowProblem> details = kept.stream().sorted(Comparator.comparingLong(RowProblem::line)).toList();
            return new ImageFindings(checked, total, counts, details);
        }
    }

    private void acquire(int permits) {
        try {
            while (!slots.tryAcquire(permits, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                cancel.throwIfCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("Interrupted while checking images of " + file);
        }
        cancel.throwIfCancelled();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** The problem kind of an image status, or null for one that is not a problem. */
    static ProblemKind kindOf(ImageStatus status) {
        return switch (status) {
            case OK, EMPTY -> null;
            case MISSING -> ProblemKind.IMAGE_MISSING;
            case OUTSIDE_ROOT -> ProblemKind.IMAGE_OUTSIDE_ROOT;
            case UNDECODABLE -> ProblemKind.IMAGE_UNDECODABLE;
            case TOO_LARGE -> ProblemKind.IMAGE_TOO_LARGE;
            case UNREADABLE -> ProblemKind.IMAGE_UNREADABLE;
        };
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "check-images-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
