package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlattScalingTest {

    private static float sigmoid(double z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    @Test
    void twoLogitsFitTheirGroupsSmoothedTargetsExactly() {
        // Logit -1 on four rows (one click), +1 on four rows (three clicks). N+ = N- = 4, so Platt's targets are
        // 5/6 for a click and 1/6 for none: the groups' mean targets are (5/6 + 3/6) / 4 = 1/3 and
        // (15/6 + 1/6) / 4 = 2/3. With two distinct logits the fit meets both: sigmoid(-a + b) = 1/3 and
        // sigmoid(a + b) = 2/3, so b = 0 and a = logit(2/3) = ln 2.
        float low = sigmoid(-1);
        float high = sigmoid(1);
        float[] scores = {low, low, low, low, high, high, high, high};
        float[] labels = {1, 0, 0, 0, 1, 1, 1, 0};

        PlattScaling platt = PlattScaling.fit(scores, labels);

        assertThat(platt.a()).isCloseTo(Math.log(2), within(1e-5));
        assertThat(platt.b()).isCloseTo(0, within(1e-5));
    }

    @Test
    void equalLogitsFitTheInterceptAlone() {
        // Logit 0 everywhere, one click in four: targets 2/3 (N+ = 1) and 1/5 (N- = 3), mean
        // (2/3 + 3/5) / 4 = 19/60, so b = ln(19/41); the slope cannot be told and stays 1.
        float half = sigmoid(0);
        PlattScaling platt = PlattScaling.fit(new float[] {half, half, half, half}, new float[] {1, 0, 0, 0});

        assertThat(platt.b()).isCloseTo(Math.log(19.0 / 41.0), within(1e-9));
        assertThat(platt.a()).isEqualTo(1);
    }

    @Test
    void nothingToFitIsRefused() {
        assertThatThrownBy(() -> PlattScaling.fit(new float[0], new float[0])).hasMessageContaining("as many labels");
        assertThat(PlattScaling.IDENTITY.isIdentity()).isTrue();
    }
}
