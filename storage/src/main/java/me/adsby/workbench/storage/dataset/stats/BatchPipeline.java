package me.adsby.workbench.storage.dataset.stats;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands batches of rows from the thread that reads them to one thread that accumulates them, so that
 * reading and accumulating overlap: a few batches circulate between a queue of filled ones and a queue of
 * free ones, so memory stays bounded and the reader waits when the accumulator falls behind. What the
 * accumulator wrote is visible to the reader once {@link #finish()} returns (it joins the thread). A failure
 * of the accumulator is thrown to the reader at its next call. One reader thread.
 */
final class BatchPipeline implements AutoCloseable {

    private static final int BATCHES = 4;
    private static final RowBatch END = new RowBatch(new boolean[0]);

    private final BlockingQueue<RowBatch> filled = new ArrayBlockingQueue<>(BATCHES + 1);
    private final BlockingQueue<RowBatch> free = new ArrayBlockingQueue<>(BATCHES);
    private final Thread accumulator;
    private volatile Throwable failure;
    private RowBatch current;

    /**
     * @param numeric  per column, whether its cells are numbers
     * @param consumer accumulates one batch, on the pipeline's thread
     */
    BatchPipeline(boolean[] numeric, Consumer<RowBatch> consumer) {
        for (int i = 0; i < BATCHES; i++) {
            free.add(new RowBatch(numeric));
        }
        current = free.remove();
        accumulator = new Thread(() -> drain(consumer), "statistics-accumulator");
        accumulator.setDaemon(true);
        accumulator.start();
    }

    private void drain(Consumer<RowBatch> consumer) {
        try {
            while (true) {
                RowBatch batch = filled.take();
                if (batch == END) {
                    return;
                }
                consumer.accept(batch);
                batch.clear();
                free.put(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /** The batch to copy the next row into; hands it over first when it is full. */
    RowBatch batch() {
        if (current.full()) {
            handOver();
        }
        return current;
    }

    private void handOver() {
        throwIfFailed();
        try {
            filled.put(current);
            RowBatch next = null;
            while (next == null) {
                next = free.poll(100, TimeUnit.MILLISECONDS);
                throwIfFailed();
            }
            current = next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while accumulating statistics");
        }
    }

    /** Hands over the last batch and waits until every row is accumulated. */
    void finish() {
        throwIfFailed();
        try {
            if (current.size() > 0) {
                filled.put(current);
            }
            filled.put(END);
            accumulator.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while accumulating statistics");
        }
        throwIfFailed();
    }

    private void throwIfFailed() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }

    /** Whether the accumulating thread still runs. */
    boolean running() {
        return accumulator.isAlive();
    }

    /** Stops the accumulator if it still runs (when the pass ended early); idempotent. */
    @Override
    public void close() {
        if (accumulator.isAlive()) {
            // The end marker stops it even when the batch in hand swallowed the interrupt (an image probe's
            // interrupted read, say): it takes the marker next. The queue has room: batches are fewer.
            filled.clear();
            filled.offer(END);
            accumulator.interrupt();
            try {
                accumulator.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
