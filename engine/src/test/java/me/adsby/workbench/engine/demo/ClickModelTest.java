package me.adsby.workbench.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

/** The formula, checked against hand calculations with the coefficients that the README documents. */
class ClickModelTest {

    @Test
    void tabularLogitAddsTheDocumentedTerms() {
        // Documented: intercept -2.85; search +0.60; desktop 0; hour 20 is the peak: 0.30 * sin(pi/2) = +0.30;
        // Saturday +0.10; historical_ctr = sigmoid(-1.4) so logit - (-2.4) = 1, times 0.90 = +0.90;
        // discount +0.40; bid 0.60 = the centre, so 0; headline 50 chars: -0.03 * (50 - 40) = -0.30.
        // Sum: -2.85 + 0.60 + 0.30 + 0.10 + 0.90 + 0.40 - 0.30 = -0.85.
        double historicalCtr = 1 / (1 + Math.exp(1.4));
        double logit = ClickModel.tabularLogit(Placement.SEARCH, Device.DESKTOP, 20, DayOfWeek.SATURDAY,
                historicalCtr, true, 0.60, 50);
        assertThat(logit).isCloseTo(-0.85, within(1e-9));

        // Documented: sidebar -0.50, tablet -0.10, hour 8 is the trough: 0.30 * sin(-pi/2) = -0.30; Monday 0;
        // historical_ctr = sigmoid(-2.4): 0; no discount; bid 0.60 * e: 0.25 * 1 = +0.25; 40 chars: no penalty.
        // Sum: -2.85 - 0.50 - 0.10 - 0.30 + 0.25 = -3.50.
        double trough = ClickModel.tabularLogit(Placement.SIDEBAR, Device.TABLET, 8, DayOfWeek.MONDAY,
                1 / (1 + Math.exp(2.4)), false, 0.60 * Math.E, 40);
        assertThat(trough).isCloseTo(-3.50, within(1e-9));
    }

    @Test
    void visualLogitIsStandardisedLogContrastAndArea() {
        // Documented: 1.00 * (ln C - 0.98) / 0.71 + 0.30 * (ln A + 2.52) / 0.40.
        assertThat(ClickModel.visualLogit(Math.exp(0.98), Math.exp(-2.52))).isCloseTo(0.0, within(1e-9));
        assertThat(ClickModel.visualLogit(Math.exp(0.98 + 0.71), Math.exp(-2.52))).isCloseTo(1.0, within(1e-9));
        assertThat(ClickModel.visualLogit(Math.exp(0.98), Math.exp(-2.52 + 0.40))).isCloseTo(0.30, within(1e-9));
        // Black on white (21) against an invisible button (1): ln 21 / 0.71 = 4.288 logits apart.
        assertThat(ClickModel.visualLogit(21, 0.1) - ClickModel.visualLogit(1, 0.1))
                .isCloseTo(Math.log(21) / 0.71, within(1e-9));
    }

    @Test
    void everyAdsNumbersFollowTheFormulaFromItsOwnValues() {
        for (DemoAd ad : new DemoDatasetGenerator(3000, 9).ads()) {
            double tabular = ClickModel.tabularLogit(ad.placement(), ad.device(), ad.hourOfDay(), ad.dayOfWeek(),
                    ad.historicalCtr(), ad.hasDiscount(), ad.bidPriceUsd(), ad.headlineLength());
            double contrast = ad.ctaColour().contrastRatio(ad.background());
            double area = (double) ad.ctaRect().area() / (ad.bannerSize().width() * ad.bannerSize().height());
            assertThat(ad.tabularLogit()).isEqualTo(tabular);
            assertThat(ad.ctaContrast()).isEqualTo(contrast).isBetween(1.0, 21.0);
            assertThat(ad.ctaAreaFraction()).isEqualTo(area);
            assertThat(ad.visualLogit()).isEqualTo(ClickModel.visualLogit(contrast, area));
            assertThat(ad.clickProbability()).isCloseTo(1 / (1 + Math.exp(-(tabular + ad.visualLogit()))), within(1e-12));
        }
    }
}
