package me.adsby.workbench.engine.demo;

import java.util.List;
import java.util.function.ToDoubleFunction;
import me.adsby.workbench.engine.model.BinaryMetrics;

/**
 * The Mann–Whitney AUC of a score against the sampled labels: the probability that a random clicked ad
 * scores above a random unclicked one, ties counted 1/2 ({@link BinaryMetrics#rocAuc(double[], boolean[])}).
 */
final class OracleAuc {

    private OracleAuc() {
    }

    /** The AUC of a score of the ads, or NaN when the ads are all clicked or all unclicked. */
    static double of(List<DemoAd> ads, ToDoubleFunction<DemoAd> score) {
        boolean[] labels = new boolean[ads.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = ads.get(i).clicked();
        }
        return of(ads.stream().mapToDouble(score).toArray(), labels);
    }

    /** The AUC of scores against labels, or NaN when the labels are all true or all false. */
    static double of(double[] scores, boolean[] labels) {
        return BinaryMetrics.rocAuc(scores, labels);
    }
}
