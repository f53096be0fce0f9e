package me.adsby.workbench.engine.model;

/**
 * The network a run trains. Every recipe ends in one logit, a sigmoid probability and the mean sigmoid
 * cross-entropy over the batch; all preprocessing happens inside the graph, so serving sees raw features.
 *
 * <ul>
 *   <li>{@link #TABULAR}: numeric features normalised with the training split's mean and standard deviation
 *       (a missing value becomes 0, the mean), categorical strings hashed into {@code hashBuckets} buckets per
 *       column and embedded, concatenated, then an MLP of {@code hiddenUnits}.</li>
 *   <li>{@link #IMAGE}: pixels scaled to -1..1, two blocks of 3x3 convolution + ReLU + 2x2 max pooling
 *       ({@code convFilters}, then twice as many), a dense layer, then the MLP.</li>
 *   <li>{@link #MULTIMODAL}: the tabular features and the image tower's dense layer concatenated, then the MLP.</li>
 * </ul>
 */
public enum Recipe {
    TABULAR(true, false),
    IMAGE(false, true),
    MULTIMODAL(true, true);

    private final boolean tabular;
    private final boolean image;

    Recipe(boolean tabular, boolean image) {
        this.tabular = tabular;
        this.image = image;
    }

    /** Whether the network reads the numeric and categorical features. */
    public boolean usesTabular() {
        return tabular;
    }

    /** Whether the network reads the image. */
    public boolean usesImage() {
        return image;
    }
}
