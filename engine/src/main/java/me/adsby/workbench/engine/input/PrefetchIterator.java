package me.adsby.workbench.engine.input;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Makes batches {@code 0..count-1} on a background (daemon) thread, at most {@code prefetch} ahead of the
 * consumer: they wait in a queue of that capacity, so the producer holds at most {@code prefetch + 1} batches
 * that were not taken (the queue's and the one it is putting). A failure of the producer is thrown by
 * {@link #hasNext}/{@link #next}. {@link #close} stops the producer and waits for it.
 */
final class PrefetchIterator implements CloseableIterator<Batch> {

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread producer;
    private final AtomicLong produced = new AtomicLong();
    private volatile boolean closed;
    private Batch pending;
    private boolean finished;
    private long consumed;

    PrefetchIterator(int count, IntFunction<Batch> make, int prefetch, String name) {
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1, was " + prefetch);
        }
        this.queue = new ArrayBlockingQueue<>(prefetch);
        this.producer = new Thread(() -> produce(count, make), name);
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(int count, IntFunction<Batch> make) {
        try {
            for (int i = 0; i < count && !closed; i++) {
                Batch batch = make.apply(i);
                produced.incrementAndGet();
                queue.put(batch);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            try {
                queue.put(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean hasNext() {
        if (pending != null) {
            return true;
        }
        if (finished) {
            return false;
        }
        if (closed) {
            throw new IllegalStateException("The batch iterator is closed");
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for the next batch");
        }
        if (item == END) {
            finished = true;
            return false;
        }
        if (item instanceof RuntimeException failure) {
            finished = true;
            throw failure;
        }
        if (item instanceof Error failure) {
            finished = true;
            throw failure;
        }
        pending = (Batch) item;
        return true;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch batch = pending;
        pending = null;
        consumed++;
        return batch;
    }

    /** Batches made so far (for tests of the bound). */
    long produced() {
        return produced.get();
    }

    /** Batches returned by {@link #next} so far. */
    long consumed() {
        return consumed;
    }

    @Override
    public void close() {
        closed = true;
        producer.interrupt();
        queue.clear();
        try {
            producer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
        pending = null;
        finished = true;
    }
}
