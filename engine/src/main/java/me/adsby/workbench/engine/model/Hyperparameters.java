package me.adsby.workbench.engine.model;

import java.util.List;

/**
 * How a network is sized and trained. Immutable; the constructor checks every range and says which value is
 * wrong and what is allowed.
 *
 * <p>The defaults ({@link #defaults(Recipe)}) are for a 2-core CPU and datasets of a few thousand rows:
 * batches of 64 give 30 to 150 Adam updates an epoch on such data (batches of 256 give only 8 to 40, too few
 * to converge in a handful of epochs), while 64 images are still enough work per step (about 2.5 GFLOP at
 * 64x64) that the fixed cost of a session run is negligible.
 *
 * @param epochs        the most epochs to train (early stopping may stop sooner), 1..10,000
 * @param batchSize     examples per training step, 1..65,536
 * @param learningRate  Adam's learning rate, in (0, 1]
 * @param embeddingSize the width of each categorical column's embedding, 1..512
 * @param hashBuckets   hash buckets per categorical column, 1..10,000,000
 * @param hiddenUnits   the widths of the MLP's hidden layers (ReLU), 1..8 layers of 1..4,096 units
 * @param convFilters   filters of the first convolution (the second has twice as many, the third four times),
 *                      1..256
 * @param imageSize     the side of the square images, in pixels, 8..1,024 (must match the feature spec); the image
 *                      tower pools globally, so its weights do not depend on it
 * @param seed          seeds every initializer
 * @param patience      epochs without a better validation metric before training stops, 1..10,000
 * @param l2            the weight penalty: training minimises the mean log loss plus {@code l2} times the sum of
 *                      the squared weights (not the biases), as Keras' {@code l2} regularizer; 0..10. For the
 *                      logistic recipe, scikit-learn's {@code C} on {@code n} rows is {@code l2 = 1 / (2 C n)}.
 * @param dropout       the share of the deep tower's inputs and hidden units dropped at each training step, in
 *                      [0, 0.9); never at inference
 * @param minCount      a categorical value seen on fewer training rows than this shares its column's "rare" weight;
 *                      the others get their own ({@link CategoryVocabulary}); 0..1,000,000, where 0 hashes every
 *                      value into {@code hashBuckets} instead (as runs made before vocabularies existed)
 * @param crossColumns  the wide part crosses every pair among the first this many categorical columns, 0..16; 0
 *                      crosses none (the recipes' default: on the benchmark data, crosses overfit); runs recorded
 *                      before the choice existed (null) crossed {@value #LEGACY_CROSS_COLUMNS}
 */
public record Hyperparameters(int epochs, int batchSize, float learningRate, int embeddingSize, int hashBuckets,
                              List<Integer> hiddenUnits, int convFilters, int imageSize, long seed, int patience,
                              float l2, float dropout, int minCount, Integer crossColumns) {

    /** What runs made before {@link #crossColumns()} existed crossed. */
    public static final int LEGACY_CROSS_COLUMNS = 8;

    /** Crossing as runs made before the choice existed ({@value #LEGACY_CROSS_COLUMNS} columns). */
    public Hyperparameters(int epochs, int batchSize, float learningRate, int embeddingSize, int hashBuckets,
                           List<Integer> hiddenUnits, int convFilters, int imageSize, long seed, int patience,
                           float l2, float dropout, int minCount) {
        this(epochs, batchSize, learningRate, embeddingSize, hashBuckets, hiddenUnits, convFilters, imageSize, seed,
                patience, l2, dropout, minCount, null);
    }

    /** Hashing every categorical value (as in runs made before vocabularies existed). */
    public Hyperparameters(int epochs, int batchSize, float learningRate, int embeddingSize, int hashBuckets,
                           List<Integer> hiddenUnits, int convFilters, int imageSize, long seed, int patience,
                           float l2, float dropout) {
        this(epochs, batchSize, learningRate, embeddingSize, hashBuckets, hiddenUnits, convFilters, imageSize, seed,
                patience, l2, dropout, 0);
    }

    /** Without a weight penalty or dropout (as in runs made before they existed). */
    public Hyperparameters(int epochs, int batchSize, float learningRate, int embeddingSize, int hashBuckets,
                           List<Integer> hiddenUnits, int convFilters, int imageSize, long seed, int patience) {
        this(epochs, batchSize, learningRate, embeddingSize, hashBuckets, hiddenUnits, convFilters, imageSize, seed,
                patience, 0f, 0f);
    }

    public Hyperparameters {
        if (!(l2 >= 0f && l2 <= 10f)) {
            throw new IllegalArgumentException("l2 must be between 0 and 10, was " + l2);
        }
        if (!(dropout >= 0f && dropout < 0.9f)) {
            throw new IllegalArgumentException("dropout must be at least 0 and below 0.9, was " + dropout);
        }
        hiddenUnits = List.copyOf(hiddenUnits);
        checkRange("epochs", epochs, 1, 10_000);
        checkRange("batchSize", batchSize, 1, 65_536);
        if (!(learningRate > 0f && learningRate <= 1f)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1], was " + learningRate);
        }
        checkRange("embeddingSize", embeddingSize, 1, 512);
        checkRange("hashBuckets", hashBuckets, 1, 10_000_000);
        if (hiddenUnits.isEmpty() || hiddenUnits.size() > 8) {
            throw new IllegalArgumentException("hiddenUnits must list 1 to 8 layer widths, was " + hiddenUnits);
        }
        for (int units : hiddenUnits) {
            checkRange("each of hiddenUnits", units, 1, 4_096);
        }
        checkRange("convFilters", convFilters, 1, 256);
        checkRange("imageSize", imageSize, 8, 1_024);
        checkRange("patience", patience, 1, 10_000);
        checkRange("minCount", minCount, 0, 1_000_000);
        crossColumns = crossColumns == null ? LEGACY_CROSS_COLUMNS : crossColumns;
        checkRange("crossColumns", crossColumns, 0, 16);
    }

    /** The recipes' {@link #minCount()}: a value seen on fewer than 2 training rows is rare. */
    public static final int DEFAULT_MIN_COUNT = 2;

    /** Sensible values for a recipe on a 2-core CPU and a few thousand rows (see the class comment). */
    public static Hyperparameters defaults(Recipe recipe) {
        return switch (recipe) {
            // l2 3e-3: the lowest summed validation log loss of 1e-4, 1e-3, 3e-3, 1e-2 and 3e-2 on the demo data and
            // the real ad data split by ad (src/docs/benchmarks.md, model quality).
            // minCount: see CategoryVocabulary. No crosses: on the benchmark data (src/docs/benchmarks.md, model
            // quality) they overfit a few thousand rows, and leaving them out lowered every test log loss.
            case LOGISTIC -> new Hyperparameters(40, 64, 1e-2f, 8, 16_384, List.of(64), 16, 64, 42L, 3, 3e-3f, 0f,
                    DEFAULT_MIN_COUNT, 0);
            case TABULAR -> new Hyperparameters(30, 64, 3e-3f, 8, 1_024, List.of(64, 32), 16, 64, 42L, 4, 3e-3f, 0.3f,
                    DEFAULT_MIN_COUNT, 0);
            case IMAGE, MULTIMODAL -> new Hyperparameters(20, 64, 1e-3f, 8, 1_024, List.of(64, 32), 16, 64, 42L, 3, 1e-4f,
                    0.2f, DEFAULT_MIN_COUNT, 0);
        };
    }

    /** A copy with another number of epochs. */
    public Hyperparameters withEpochs(int newEpochs) {
        return new Hyperparameters(newEpochs, batchSize, learningRate, embeddingSize, hashBuckets, hiddenUnits,
                convFilters, imageSize, seed, patience, l2, dropout, minCount, crossColumns);
    }

    /** A copy with another learning rate. */
    public Hyperparameters withLearningRate(float newLearningRate) {
        return new Hyperparameters(epochs, batchSize, newLearningRate, embeddingSize, hashBuckets, hiddenUnits,
                convFilters, imageSize, seed, patience, l2, dropout, minCount, crossColumns);
    }

    /** A copy with another image size. */
    public Hyperparameters withImageSize(int newImageSize) {
        return new Hyperparameters(epochs, batchSize, learningRate, embeddingSize, hashBuckets, hiddenUnits,
                convFilters, newImageSize, seed, patience, l2, dropout, minCount, crossColumns);
    }

    /** A copy with another seed. */
    public Hyperparameters withSeed(long newSeed) {
        return new Hyperparameters(epochs, batchSize, learningRate, embeddingSize, hashBuckets, hiddenUnits,
                convFilters, imageSize, newSeed, patience, l2, dropout, minCount, crossColumns);
    }

    /** A copy with another weight penalty and dropout. */
    public Hyperparameters withRegularization(float newL2, float newDropout) {
        return new Hyperparameters(epochs, batchSize, learningRate, embeddingSize, hashBuckets, hiddenUnits,
                convFilters, imageSize, seed, patience, newL2, newDropout, minCount, crossColumns);
    }

    /** A copy with another {@link #minCount()}. */
    public Hyperparameters withMinCount(int newMinCount) {
        return new Hyperparameters(epochs, batchSize, learningRate, embeddingSize, hashBuckets, hiddenUnits,
                convFilters, imageSize, seed, patience, l2, dropout, newMinCount, crossColumns);
    }

    /** A copy that crosses the first {@code columns} categorical columns pairwise. */
    public Hyperparameters withCrossColumns(int columns) {
        return new Hyperparameters(epochs, batchSize, learningRate, embeddingSize, hashBuckets, hiddenUnits,
                convFilters, imageSize, seed, patience, l2, dropout, minCount, columns);
    }

    /** A copy with another patience. */
    public Hyperparameters withPatience(int newPatience) {
        return new Hyperparameters(epochs, batchSize, learningRate, embeddingSize, hashBuckets, hiddenUnits,
                convFilters, imageSize, seed, newPatience, l2, dropout, minCount, crossColumns);
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
