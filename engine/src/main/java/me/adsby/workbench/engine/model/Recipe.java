package me.adsby.workbench.engine.model;

/**
 * The network a run trains. Every recipe ends in one logit, a sigmoid probability and the mean sigmoid
 * cross-entropy over the batch (plus the L2 penalty of {@link Hyperparameters#l2()}); all preprocessing happens
 * inside the graph, so serving sees raw features. The parts (see {@code CtrNetwork}):
 *
 * <ul>
 *   <li>the <b>wide</b> part, a linear model: each numeric feature transformed (standardised, or {@code log1p} then
 *       standardised for heavy-tailed counts) with a missing-value indicator, each categorical column hashed into
 *       {@code hashBuckets} one-hot buckets, and, when {@link Hyperparameters#crossColumns()} asks, hashed crosses of
 *       pairs of categorical columns;</li>
 *   <li>the <b>deep</b> tower: the transformed numerics and indicators, an embedding of each hashed categorical,
 *       and for images three blocks of 3x3 convolution + batch normalization + ReLU + 2x2 max pooling, global
 *       average pooling and a dense layer, concatenated, then an MLP of {@code hiddenUnits} with dropout. Training
 *       steps flip images left to right at random and jitter their brightness a little; batch normalization
 *       normalises by the batch there and by its moving statistics when scoring and in the exported model.</li>
 * </ul>
 *
 * {@link #LOGISTIC} is the wide part alone, {@link #TABULAR} wide and deep over the tabular features, {@link #IMAGE}
 * the deep tower over the image alone, and {@link #MULTIMODAL} wide and deep with the image in the deep tower.
 */
public enum Recipe {
    LOGISTIC(true, false, true, false),
    TABULAR(true, false, true, true),
    IMAGE(false, true, false, true),
    MULTIMODAL(true, true, true, true);

    private final boolean tabular;
    private final boolean image;
    private final boolean wide;
    private final boolean deep;

    Recipe(boolean tabular, boolean image, boolean wide, boolean deep) {
        this.tabular = tabular;
        this.image = image;
        this.wide = wide;
        this.deep = deep;
    }

    /** Whether the network reads the numeric and categorical features. */
    public boolean usesTabular() {
        return tabular;
    }

    /** Whether the network reads the image. */
    public boolean usesImage() {
        return image;
    }

    /** Whether the network has the linear wide part. */
    public boolean hasWide() {
        return wide;
    }

    /** Whether the network has the deep tower. */
    public boolean hasDeep() {
        return deep;
    }
}
