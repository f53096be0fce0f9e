package me.adsby.workbench.storage.dataset.stats;

import me.adsby.workbench.storage.dataset.check.RowParser;

/**
 * The cells of up to {@link #CAPACITY} good rows, copied out of the reused {@link RowParser} so that another
 * thread can accumulate them: per cell whether it is missing, and its number (numeric columns) or its text
 * (the others); per row the label. Reused once accumulated. Not thread-safe: filled by one thread, then
 * handed over through a queue.
 */
final class RowBatch {

    /** Rows per batch. */
    static final int CAPACITY = 1024;

    private final int width;
    private final boolean[] numeric;
    private final boolean[] missing;
    private final double[] numbers;
    private final String[] texts;
    private final int[] labels = new int[CAPACITY];
    private final long[] lines = new long[CAPACITY];
    private int size;

    /** @param numeric per column, whether its cells are numbers (else text) */
    RowBatch(boolean[] numeric) {
        this.width = numeric.length;
        this.numeric = numeric.clone();
        this.missing = new boolean[CAPACITY * width];
        this.numbers = new double[CAPACITY * width];
        this.texts = new String[CAPACITY * width];
    }

    /** Copies the parser's current row, which is on {@code line} of the file; call only when not {@link #full()}. */
    void add(RowParser row, long line) {
        lines[size] = line;
        int base = size * width;
        for (int i = 0; i < width; i++) {
            boolean absent = row.missing(i);
            missing[base + i] = absent;
            if (absent) {
                texts[base + i] = null;
            } else if (numeric[i]) {
                numbers[base + i] = row.number(i);
            } else {
                texts[base + i] = row.text(i);
            }
        }
        labels[size] = row.label();
        size++;
    }

    boolean full() {
        return size == CAPACITY;
    }

    int size() {
        return size;
    }

    /** Empties the batch for reuse (the texts are dropped when overwritten or at the next {@link #add}). */
    void clear() {
        size = 0;
    }

    boolean missing(int row, int column) {
        return missing[row * width + column];
    }

    double number(int row, int column) {
        return numbers[row * width + column];
    }

    String text(int row, int column) {
        return texts[row * width + column];
    }

    /** The file line the row is on. */
    long line(int row) {
        return lines[row];
    }

    /** 1, 0, or -1 when missing or without a label column. */
    int label(int row) {
        return labels[row];
    }
}
