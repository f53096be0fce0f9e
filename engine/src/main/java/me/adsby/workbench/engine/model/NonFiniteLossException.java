package me.adsby.workbench.engine.model;

/**
 * Training stopped because the loss became NaN or infinite; the weights after that step are garbage, the
 * checkpoints of earlier epochs are intact. The usual cure is a lower learning rate (or cleaner inputs).
 */
public final class NonFiniteLossException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;

    /**
     * @param epoch the 1-based epoch
     * @param batch the 1-based batch within the epoch
     * @param loss  the loss seen (NaN or infinite)
     */
    public NonFiniteLossException(int epoch, int batch, float loss) {
        super("The loss became " + (Float.isNaN(loss) ? "NaN" : "infinite") + " at epoch " + epoch + ", batch " + batch
                + ": lower the learning rate (or check the inputs for infinite values)");
        this.epoch = epoch;
        this.batch = batch;
    }

    public int epoch() {
        return epoch;
    }

    public int batch() {
        return batch;
    }
}
