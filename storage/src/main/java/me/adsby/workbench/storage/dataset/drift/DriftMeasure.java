package me.adsby.workbench.storage.dataset.drift;

/** The distances of TFDV's drift detection, with their formulas for the UI's help. */
public enum DriftMeasure {
    /** For categorical features. */
    L_INFINITY("L-infinity distance",
            "max over values v (of both snapshots) of |p_base(v) - p_candidate(v)|, where p(v) is the share of "
                    + "the snapshot's non-missing values equal to v. 0 = same frequencies, 1 = disjoint."),
    /** For numeric features. */
    JENSEN_SHANNON("Jensen-Shannon divergence",
            "JS(P, Q) = 1/2 KL(P || M) + 1/2 KL(Q || M), M = (P + Q) / 2, KL(P || M) = sum_i P_i log2(P_i / M_i), "
                    + "over equal-width bins shared by both snapshots (edges spanning the union of their ranges); "
                    + "log base 2, so 0 <= JS <= 1; empty bins add nothing (0 log 0 = 0).");

    private final String title;
    private final String formula;

    DriftMeasure(String title, String formula) {
        this.title = title;
        this.formula = formula;
    }

    public String title() {
        return title;
    }

    public String formula() {
        return formula;
    }
}
