package me.adsby.workbench.engine.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupDifferenceTest {

    @Test
    void welchsIntervalByHand() {
        // A = 1, 2, 3 and B = 3, 4, 5: means 2 and 4, variances 1 and 1, se = sqrt(1/3 + 1/3) = 0.816497;
        // Welch-Satterthwaite df = (2/3)^2 / ((1/3)^2 / 2 + (1/3)^2 / 2) = 4, t(0.975, 4) = 2.776445 (any t table),
        // so the half-width is 2.776445 * 0.816497 = 2.266958: [-0.266958, 4.266958], which holds 0.
        GroupDifference loss = GroupDifference.of("val_loss", new double[] {1, 2, 3}, new double[] {3, 4, 5});

        assertThat(loss.difference()).isEqualTo(2);
        assertThat(loss.low()).isCloseTo(-0.266958, within(1e-6));
        assertThat(loss.high()).isCloseTo(4.266958, within(1e-6));
        assertThat(loss.verdict()).isEqualTo("tie");
    }

    @Test
    void aDifferenceOutsideTheNoiseHasADirectionByTheMetric() {
        double[] a = {0.60, 0.61, 0.62};
        double[] b = {0.70, 0.71, 0.72};
        assertThat(GroupDifference.of("val_auc", a, b).verdict()).isEqualTo("better");
        assertThat(GroupDifference.of("test_log_loss", a, b).verdict()).isEqualTo("worse");
        assertThat(GroupDifference.of("test_calibration_slope", a, b).verdict()).isEqualTo("n/a");
        assertThat(GroupDifference.of("val_auc", new double[] {0.6}, b).verdict()).isEqualTo("n/a");
    }

    @Test
    void groupsAreComparedOnTheMetricsBothHave() {
        List<GroupSpread.Member> a = List.of(new GroupSpread.Member("r1", Map.of("val_auc", 0.6), Map.of("auc", 0.5)),
                new GroupSpread.Member("r2", Map.of("val_auc", 0.7), Map.of()));
        List<GroupSpread.Member> b = List.of(new GroupSpread.Member("r3", Map.of("val_auc", 0.8, "val_loss", 0.4), Map.of()));

        List<GroupDifference> differences = GroupDifference.of(a, b);

        assertThat(differences).extracting(GroupDifference::metric).containsExactly("val_auc");
        assertThat(differences.get(0).difference()).isCloseTo(0.15, within(1e-12));
    }

    @Test
    void membersAreNumberedByTheirPlaceNotByTheirText() {
        // "fold 10 of 12" sorts after "fold 2 of 12" by number, though before it as text.
        assertThat(GroupSpread.memberNumber("fold 10 of 12")).isEqualTo(10);
        assertThat(GroupSpread.memberNumber("repeat 2 of 3")).isEqualTo(2);
        assertThat(GroupSpread.memberNumber("a member")).isEqualTo(Integer.MAX_VALUE);
        assertThat(GroupSpread.memberNumber(null)).isEqualTo(Integer.MAX_VALUE);
    }
}
