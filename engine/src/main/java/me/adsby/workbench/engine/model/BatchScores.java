package me.adsby.workbench.engine.model;

/**
 * A batch scored without training: the mean sigmoid cross-entropy over the batch and each example's
 * probability, in batch order.
 */
public record BatchScores(float loss, float[] probabilities) {

    public BatchScores {
        probabilities = probabilities.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }
}
