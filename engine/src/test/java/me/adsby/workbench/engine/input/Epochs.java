package me.adsby.workbench.engine.input;

import java.util.ArrayList;
import java.util.List;

/** Reads a whole split of a prepared dataset in tests. */
final class Epochs {

    private Epochs() {
    }

    static List<Batch> batches(PreparedDataset dataset, Split split, int batchSize, int epoch) {
        List<Batch> batches = new ArrayList<>();
        try (CloseableIterator<Batch> it = dataset.batches(split, batchSize, epoch)) {
            it.forEachRemaining(batches::add);
        }
        return batches;
    }

    /** The row numbers of the split, in the epoch's order. */
    static List<Long> rows(PreparedDataset dataset, Split split, int batchSize, int epoch) {
        List<Long> rows = new ArrayList<>();
        for (Batch batch : batches(dataset, split, batchSize, epoch)) {
            for (long row : batch.rows()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
