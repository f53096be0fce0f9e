package me.adsby.workbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * No trustworthy published worked example with its data could be found here (pROC's aSAH data is not at hand), so
 * the fast DeLong test is checked (1) against an independent quadratic implementation of DeLong et al. (1988)
 * written below from the paper's definitions (structural components by comparing every positive with every
 * negative), (2) against simulation: the variance it predicts matches the spread of the AUC difference over many
 * independent datasets, and (3) on cases whose answer is known by reasoning (identical models, the normal tail).
 */
class DeLongTestTest {

    /** Two correlated models: a shared latent z plus each model's own noise; the candidate has less noise. */
    private static double[][] correlatedScores(int n, long seed, boolean[] labels) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.4;
            double z = CurveDownsamplerTest.gaussian(random) + (labels[i] ? 1 : 0);
            a[i] = Math.round((z + 1.2 * CurveDownsamplerTest.gaussian(random)) * 8) / 8.0;  // coarse: ties
            b[i] = z + 0.6 * CurveDownsamplerTest.gaussian(random);
        }
        return new double[][] {a, b};
    }

    @Test
    void matchesTheQuadraticDefinition() {
        for (long seed = 1; seed <= 5; seed++) {
            int n = 50 + (int) seed * 60;
            boolean[] labels = new boolean[n];
            double[][] s = correlatedScores(n, seed, labels);
            DeLongResult fast = DeLongTest.compare(s[0], s[1], labels);
            double[] slow = slowDeLong(s[0], s[1], labels);
            assertThat(fast.baselineAuc()).isCloseTo(slow[0], within(1e-12));
            assertThat(fast.candidateAuc()).isCloseTo(slow[1], within(1e-12));
            assertThat(fast.standardError()).isCloseTo(Math.sqrt(slow[2]), within(1e-12));
            assertThat(fast.z()).isCloseTo((slow[1] - slow[0]) / Math.sqrt(slow[2]), within(1e-9));
            assertThat(DeLongTest.aucVariance(s[0], labels)).isCloseTo(slow[3], within(1e-12));
        }
    }

    /**
     * DeLong et al. (1988) from their definitions, O(P x N): psi(x, y) = 1 if x > y, 1/2 if equal, 0 otherwise;
     * V10(X_i) = mean over negatives of psi(X_i, Y_j); V01(Y_j) = mean over positives of psi(X_i, Y_j);
     * S10, S01 the sample covariances of these between the models; var(diff) = (S10_aa + S10_bb - 2 S10_ab) / P
     * + (S01_aa + S01_bb - 2 S01_ab) / N. Returns {AUC a, AUC b, var(diff), var(AUC a)}.
     */
    private static double[] slowDeLong(double[] a, double[] b, boolean[] labels) {
        int p = 0;
        for (boolean label : labels) {
            p += label ? 1 : 0;
        }
        int q = labels.length - p;
        double[][] v10 = new double[2][p];
        double[][] v01 = new double[2][q];
        double[][] models = {a, b};
        for (int r = 0; r < 2; r++) {
            int i = 0;
            for (int x = 0; x < labels.length; x++) {
                if (!labels[x]) {
                    continue;
                }
                int j = 0;
                for (int y = 0; y < labels.length; y++) {
                    if (labels[y]) {
                        continue;
                    }
                    double psi = models[r][x] > models[r][y] ? 1 : models[r][x] == models[r][y] ? 0.5 : 0;
                    v10[r][i] += psi / q;
                    v01[r][j] += psi / p;
                    j++;
                }
                i++;
            }
        }
        double aucA = mean(v10[0]);
        double aucB = mean(v10[1]);
        double var = (cov(v10[0], v10[0]) + cov(v10[1], v10[1]) - 2 * cov(v10[0], v10[1])) / p
                + (cov(v01[0], v01[0]) + cov(v01[1], v01[1]) - 2 * cov(v01[0], v01[1])) / q;
        double varA = cov(v10[0], v10[0]) / p + cov(v01[0], v01[0]) / q;
        return new double[] {aucA, aucB, var, varA};
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static double cov(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - mx) * (y[i] - my);
        }
        return sum / (x.length - 1);
    }

    @Test
    void predictsTheSpreadOfTheDifferenceOverIndependentDatasets() {
        int datasets = 400;
        int n = 300;
        double sum = 0;
        double sumSquares = 0;
        double predicted = 0;
        for (int seed = 0; seed < datasets; seed++) {
            boolean[] labels = new boolean[n];
            double[][] s = correlatedScores(n, 10_000 + seed, labels);
            DeLongResult result = DeLongTest.compare(s[0], s[1], labels);
            sum += result.difference();
            sumSquares += result.difference() * result.difference();
            predicted += result.standardError() * result.standardError();
        }
        double empirical = (sumSquares - sum * sum / datasets) / (datasets - 1);
        // The sample variance of 400 draws has a relative standard error of about sqrt(2 / 399) = 7%: allow 25%.
        assertThat(predicted / datasets / empirical).isBetween(0.75, 1.25);
    }

    @Test
    void identicalModelsDoNotDiffer() {
        boolean[] labels = new boolean[200];
        double[][] s = correlatedScores(200, 3, labels);
        DeLongResult result = DeLongTest.compare(s[1], s[1].clone(), labels);
        assertThat(result.difference()).isZero();
        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(Verdict.of(Metric.AUC, result.interval().lower(), result.interval().upper())).isEqualTo(Verdict.TIE);
    }

    @Test
    void theNormalTailIsRight() {
        // Two-sided p at z = 1.959964 is 0.05 and at z = 2.575829 is 0.01 (standard normal tables); erfc(0) = 1.
        assertThat(NormalDistribution.twoSidedPValue(1.959963984540054)).isCloseTo(0.05, within(1e-7));
        assertThat(NormalDistribution.twoSidedPValue(-2.5758293035489)).isCloseTo(0.01, within(1e-8));
        assertThat(NormalDistribution.erfc(0)).isCloseTo(1, within(1e-7));
        assertThat(NormalDistribution.twoSidedPValue(0)).isEqualTo(1.0);
    }

    @Test
    void needsBothClasses() {
        assertThatThrownBy(() -> DeLongTest.compare(new double[] {0.1, 0.2, 0.3}, new double[] {0.1, 0.2, 0.3},
                new boolean[] {true, false, false})).hasMessageContaining("at least 2 positives and 2 negatives");
    }
}
