package me.adsby.workbench.engine.model;

/**
 * Platt scaling: the calibrated probability is {@code sigmoid(a * z + b)}, where {@code z} is the network's
 * logit. {@link #fit} chooses {@code a} and {@code b} by Newton's method on the mean log loss against Platt's
 * (1999) smoothed targets, {@code (N+ + 1) / (N+ + 2)} for a positive and {@code 1 / (N- + 2)} for a negative,
 * which keep a small or one-sided set from pushing the fit to infinity. The exported graph applies it after the
 * logit ({@link ModelExporter}).
 *
 * @param a the slope on the logit
 * @param b the intercept
 */
public record PlattScaling(double a, double b) {

    /** No change: {@code a = 1}, {@code b = 0}. */
    public static final PlattScaling IDENTITY = new PlattScaling(1, 0);

    private static final int MAX_STEPS = 100;
    private static final double STEP_TOLERANCE = 1e-10;
    private static final double EPSILON = 1e-7;

    public PlattScaling {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Platt scaling needs a finite slope and intercept, was " + a + " and " + b);
        }
    }

    /** Whether this changes nothing. */
    public boolean isIdentity() {
        return a == 1 && b == 0;
    }

    /**
     * Fits the scaling to predicted probabilities (turned back into logits, clipped to [1e-7, 1 - 1e-7]) and
     * 0/1 labels.
     *
     * @throws IllegalArgumentException when there are no examples or the lengths differ
     */
    public static PlattScaling fit(float[] probabilities, float[] labels) {
        if (probabilities.length != labels.length || probabilities.length == 0) {
            throw new IllegalArgumentException("Platt scaling needs as many labels as predictions, and some: "
                    + probabilities.length + " and " + labels.length);
        }
        int n = labels.length;
        double[] z = new double[n];
        double[] t = new double[n];
        long positives = 0;
        for (float label : labels) {
            positives += label > 0.5f ? 1 : 0;
        }
        double high = (positives + 1.0) / (positives + 2.0);
        double low = 1.0 / (n - positives + 2.0);
        for (int i = 0; i < n; i++) {
            double p = Math.min(1 - EPSILON, Math.max(EPSILON, probabilities[i]));
            z[i] = Math.log(p / (1 - p));
            t[i] = labels[i] > 0.5f ? high : low;
        }
        return newton(z, t);
    }

    /** Newton's method on the summed cross-entropy; the Hessian is positive definite unless every z is equal. */
    private static PlattScaling newton(double[] z, double[] t) {
        double a = 1;
        double b = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            for (int i = 0; i < z.length; i++) {
                double p = 1 / (1 + Math.exp(-(a * z[i] + b)));
                double residual = p - t[i];
                double weight = Math.max(p * (1 - p), 1e-12);
                ga += residual * z[i];
                gb += residual;
                haa += weight * z[i] * z[i];
                hab += weight * z[i];
                hbb += weight;
            }
            double determinant = haa * hbb - hab * hab;
            double da;
            double db;
            if (determinant <= 1e-12 * Math.max(1, haa * hbb)) {
                // Every logit equal: only the intercept is defined.
                da = 0;
                db = gb / hbb;
            } else {
                da = (hbb * ga - hab * gb) / determinant;
                db = (haa * gb - hab * ga) / determinant;
            }
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < STEP_TOLERANCE) {
                break;
            }
        }
        return new PlattScaling(a, b);
    }
}
