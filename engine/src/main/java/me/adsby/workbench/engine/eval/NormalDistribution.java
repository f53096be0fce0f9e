package me.adsby.workbench.engine.eval;

/** The standard normal distribution's tail, for p-values. */
final class NormalDistribution {

    /** The 97.5th percentile: a two-sided 95% interval is estimate +- this many standard errors. */
    static final double Z_975 = 1.959963984540054;

    private NormalDistribution() {
    }

    /** P(|Z| >= |z|) for a standard normal Z. */
    static double twoSidedPValue(double z) {
        return Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
    }

    /**
     * The complementary error function by the Chebyshev-fitted exponential of Press et al., Numerical Recipes
     * (2nd ed., section 6.2, {@code erfcc}): relative error below 1.2e-7 everywhere.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        double value = t * Math.exp(poly);
        return x >= 0 ? value : 2 - value;
    }
}
