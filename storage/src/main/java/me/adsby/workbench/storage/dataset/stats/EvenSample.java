package me.adsby.workbench.storage.dataset.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps at most {@code limit} items of a stream of unknown length, evenly spread: the items at positions
 * {@code 0, s, 2s, ...} for a stride {@code s} that doubles (dropping every other kept item) whenever the
 * sample is full. At the end it holds between {@code limit / 2} and {@code limit} items once the stream has
 * at least {@code limit}, all of them before. Not thread-safe.
 */
final class EvenSample<T> {

    private final int limit;
    private final List<T> kept = new ArrayList<>();
    private long stride = 1;
    private long seen;

    EvenSample(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        this.limit = limit;
    }

    void offer(T item) {
        long position = seen++;
        if (position % stride != 0) {
            return;
        }
        if (kept.size() == limit) {
            List<T> halved = new ArrayList<>();
            for (int i = 0; i < kept.size(); i += 2) {
                halved.add(kept.get(i));
            }
            kept.clear();
            kept.addAll(halved);
            stride *= 2;
            if (position % stride != 0) {
                return;
            }
        }
        kept.add(item);
    }

    List<T> items() {
        return List.copyOf(kept);
    }

    long seen() {
        return seen;
    }
}
