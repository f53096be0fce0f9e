package me.adsby.workbench.engine.model;

import me.adsby.workbench.engine.input.Batch;

/**
 * The share of positive examples in the training split. The logit layer's bias starts at its log-odds, so
 * an untrained network already predicts the base rate. Started at 0 instead (a probability of 0.5 against a
 * click rate near 12%), the first Adam steps lower the mean prediction fastest by pushing every ReLU layer's
 * biases down, and a wide image tower can end with all its units dead: a network that predicts one constant.
 *
 * @param positiveRate positives / examples, in [0, 1]
 */
public record LabelPrior(double positiveRate) {

    /** The bias is kept within the log-odds of these rates, so a split of one class gives a finite start. */
    static final double CLAMP = 1e-4;

    public LabelPrior {
        if (!(positiveRate >= 0 && positiveRate <= 1)) {
            throw new IllegalArgumentException("positiveRate must be in [0, 1], was " + positiveRate);
        }
    }

    /** The prior of a split with {@code positives} positives among {@code examples} (at least one). */
    public static LabelPrior of(long positives, long examples) {
        if (examples <= 0 || positives < 0 || positives > examples) {
            throw new IllegalArgumentException("cannot take a label prior from " + positives + " positives among "
                    + examples + " examples");
        }
        return new LabelPrior((double) positives / examples);
    }

    /** The prior of the examples in batches (labels above 0.5 count as positive). */
    public static LabelPrior of(Iterable<Batch> batches) {
        long positives = 0;
        long examples = 0;
        for (Batch batch : batches) {
            for (float label : batch.labels()) {
                if (label > 0.5f) {
                    positives++;
                }
            }
            examples += batch.size();
        }
        return of(positives, examples);
    }

    /** The log-odds {@code ln(p / (1 - p))} of the rate, with p clamped to [{@value #CLAMP}, 1 - {@value #CLAMP}]. */
    public float logit() {
        double p = Math.min(1 - CLAMP, Math.max(CLAMP, positiveRate));
        return (float) Math.log(p / (1 - p));
    }
}
