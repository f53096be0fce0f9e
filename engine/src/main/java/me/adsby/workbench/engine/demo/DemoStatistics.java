package me.adsby.workbench.engine.demo;

import java.util.List;

/**
 * What the README reports about a generated dataset.
 *
 * @param rows             ads in the dataset
 * @param clicks           ads with {@code clicked = 1}
 * @param meanProbability  the mean of the model's click probabilities
 * @param oracleAuc        AUC of ranking by the true probability (Bayes-optimal)
 * @param tabularOracleAuc AUC of ranking by the tabular terms alone (the true logit minus the visual terms)
 */
record DemoStatistics(int rows, int clicks, double meanProbability, double oracleAuc, double tabularOracleAuc) {

    static DemoStatistics of(List<DemoAd> ads) {
        int clicks = (int) ads.stream().filter(DemoAd::clicked).count();
        double meanProbability = ads.stream().mapToDouble(DemoAd::clickProbability).average().orElse(Double.NaN);
        return new DemoStatistics(ads.size(), clicks, meanProbability,
                OracleAuc.of(ads, DemoAd::clickProbability), OracleAuc.of(ads, DemoAd::tabularLogit));
    }

    double clickRate() {
        return (double) clicks / rows;
    }
}
