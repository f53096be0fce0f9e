package me.adsby.workbench.storage.dataset.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.TestCsv;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/** Inference over every row: widening, label names, identifier roles, transforms. */
class WholeFileInferenceTest {

    private static InferenceResult inspect(String name, String csv) throws IOException {
        return SchemaInference.inspect(TestCsv.text(name, csv), ProgressListener.NONE, Cancellation.NEVER);
    }

    @Test
    void aBinaryColumnWidensWhenALateRowHoldsOtherNumbers() throws IOException {
        StringBuilder csv = new StringBuilder("flag,ratio,level,clicked\n");
        for (int row = 1; row <= 2000; row++) {
            // rows 1,500 and 1,501 hold 4 and 5; every other row 0 or 1
            String flag = row == 1500 ? "4" : row == 1501 ? "5" : String.valueOf(row % 2);
            String ratio = row == 1800 ? "0.5" : String.valueOf(row % 2);
            String level = row == 1999 ? "high" : String.valueOf(row % 3);
            csv.append(flag).append(',').append(ratio).append(',').append(level).append(',').append(row % 2).append('\n');
        }

        Schema schema = inspect("t.csv", csv.toString()).schema();

        assertThat(schema.column("flag").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(schema.column("ratio").type()).isEqualTo(ColumnType.FLOAT);
        assertThat(schema.column("level").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(schema.column("clicked").role()).isEqualTo(ColumnRole.LABEL);
    }

    @Test
    void theUsualLabelNamesAreFoundWhenTheirValuesAreBinary() throws IOException {
        for (String name : new String[] {"label_positive", "is_click", "Converted", "target_label", "TARGET", "y"}) {
            Schema schema = inspect("t.csv", "x," + name + "\n1,1\n2,0\n3,yes\n").schema();
            assertThat(schema.label()).as(name).map(ColumnSchema::name).hasValue(name);
        }
        // clicked is preferred to a label_* name, whatever the order of the header
        Schema both = inspect("t.csv", "label_a,clicked\n0,1\n1,0\n").schema();
        assertThat(both.label()).map(ColumnSchema::name).hasValue("clicked");
        assertThat(both.column("label_a").role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(inspect("t.csv", "labels,x\n0,1\n").schema().label()).isEmpty();
    }

    @Test
    void aLabelNamedColumnWithOtherValuesIsReportedAtItsLineAndIgnored() throws IOException {
        StringBuilder csv = new StringBuilder("bid,target_label\n");
        for (int row = 1; row <= 1600; row++) {
            csv.append(row).append(',').append(row == 1500 || row == 1550 ? "4" : String.valueOf(row % 2)).append('\n');
        }

        InferenceResult result = inspect("t.csv", csv.toString());

        // row 1,500 is on line 1,501 (the header is line 1); row 1,550 holds the other 4
        assertThat(result.problems()).hasSize(1);
        assertThat(result.problems().get(0).kind()).isEqualTo(ProblemKind.LABEL_NOT_BINARY);
        assertThat(result.problems().get(0).toString()).startsWith(
                "t.csv:1501: column 'target_label' is named like a label but has '4' (and 1 more value that is not binary)");
        ColumnSchema target = result.schema().column("target_label");
        assertThat(target.role()).isEqualTo(ColumnRole.IGNORED);
        assertThat(target.reason()).contains("line 1501 has '4'");
        assertThat(result.schema().label()).isEmpty();
        assertThat(result.rowsRead()).isEqualTo(1600);
    }

    @Test
    void identifiersAreKeysWhenUniqueAndGroupsWhenTheyRepeat() throws IOException {
        StringBuilder csv = new StringBuilder("row_id,ad_id,pid,campaign_id,session,clicked\n");
        for (int row = 0; row < 300; row++) {
            // ad_id: 30 values, each on 10 rows; pid: 150 values; campaign_id: 3 values; session: unique strings
            csv.append(row).append(",ad").append(row % 30).append(',').append(row / 2).append(',').append(row % 3)
                    .append(",s-").append(row).append(',').append(row % 2).append('\n');
        }

        Schema schema = inspect("t.csv", csv.toString()).schema();

        assertThat(schema.column("row_id").role()).isEqualTo(ColumnRole.KEY);
        assertThat(schema.column("row_id").reason()).isEqualTo("row_id: 300 distinct values over 300 rows, never repeats: key");
        assertThat(schema.column("ad_id").role()).isEqualTo(ColumnRole.GROUP);
        assertThat(schema.column("ad_id").reason()).isEqualTo("ad_id: 30 distinct values over 300 rows, repeats: group");
        assertThat(schema.column("pid").role()).isEqualTo(ColumnRole.GROUP);
        assertThat(schema.column("pid").reason()).isEqualTo("pid: 150 distinct values over 300 rows, repeats: group");
        // three campaigns are levels of a feature, not identifiers of rows
        assertThat(schema.column("campaign_id").role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(schema.column("campaign_id").reason()).isEmpty();
        assertThat(schema.column("session").role()).isEqualTo(ColumnRole.KEY);
        assertThat(schema.column("clicked").reason()).contains("label");
    }

    @Test
    void anIdWithFewerValuesThanTheRootOfTheRowsIsAFeature() throws IOException {
        StringBuilder csv = new StringBuilder("ad_id,campaign_id,clicked\n");
        for (int row = 0; row < 3000; row++) {
            // ad_id: 300 values; campaign_id: 39 values. sqrt(3,000) = 54.8: 300 values are groups, 39 are levels.
            csv.append("ad").append(row % 300).append(",c").append(row % 39).append(',').append(row % 2).append('\n');
        }

        Schema schema = inspect("t.csv", csv.toString()).schema();

        assertThat(schema.column("ad_id").role()).isEqualTo(ColumnRole.GROUP);
        assertThat(schema.column("campaign_id").role()).isEqualTo(ColumnRole.FEATURE);
    }

    @Test
    void freeTextAndTooManyLevelsAreTextAndNotFeatures() throws IOException {
        StringBuilder csv = new StringBuilder("headline,token,city\n");
        for (int row = 0; row < 25_000; row++) {
            // headline: 500 sentences over 25,000 rows; token: 25,000 distinct values, repeats every 25,000
            csv.append("Great deal number ").append(row % 500).append(" for you,t").append(row)
                    .append(row % 2 == 0 ? ",Paris\n" : ",Lyon\n");
        }
        csv.append("Great deal number 1 for you,t1,Paris\n");

        Schema schema = inspect("t.csv", csv.toString()).schema();

        // headline: 500 distinct of 25,001 is not more than half: a categorical feature with long levels
        assertThat(schema.column("headline").type()).isEqualTo(ColumnType.CATEGORICAL);
        // token: counting stops after 20,000 distinct values with no repeat seen: near-unique, a key
        assertThat(schema.column("token").role()).isEqualTo(ColumnRole.KEY);
        assertThat(schema.column("token").reason()).contains("more than 20,000 distinct values");
        assertThat(schema.column("city").role()).isEqualTo(ColumnRole.FEATURE);

        StringBuilder text = new StringBuilder("comment,clicked\n");
        for (int row = 0; row < 50; row++) {
            text.append("the ad number ").append(row).append(" was shown twice today,").append(row % 2).append('\n');
        }
        text.append("the ad number 1 was shown twice today,1\n");
        ColumnSchema comment = inspect("t.csv", text.toString()).schema().column("comment");
        assertThat(comment.type()).isEqualTo(ColumnType.TEXT);
        assertThat(comment.role()).isEqualTo(ColumnRole.IGNORED);
        assertThat(comment.reason()).startsWith("comment: free text");
    }

    @Test
    void aColumnNamedLikeATimeWithDatesIsTheTime() throws IOException {
        Schema schema = inspect("t.csv", "event_time,hour,x\n2026-01-02T10:00:00Z,3,1\n2026-01-03 11:00,4,2\n").schema();
        assertThat(schema.column("event_time").role()).isEqualTo(ColumnRole.TIME);
        assertThat(schema.column("hour").role()).isEqualTo(ColumnRole.FEATURE);
    }

    @Test
    void heavyTailedNonNegativeNumbersAreLogTransformedOthersStandardized() throws IOException {
        StringBuilder csv = new StringBuilder("views,uniform,signed,flag\n");
        for (int row = 1; row <= 100; row++) {
            // views: 1..99 then 10,000. Nearest-rank p99 of 100 values is the 99th smallest, 99;
            // 10,000 > 10 x 99, so the tail is long.
            // uniform: 1..100, skewness 0, p99 99 and max 100. signed: -50..49, negative values.
            csv.append(row == 100 ? 10_000 : row).append(',').append(row).append(',').append(row - 51)
                    .append(',').append(row % 2).append('\n');
        }

        Schema schema = inspect("t.csv", csv.toString()).schema();

        assertThat(schema.column("views").transform()).isEqualTo(NumericTransform.LOG1P);
        assertThat(schema.column("uniform").transform()).isEqualTo(NumericTransform.STANDARDIZE);
        assertThat(schema.column("signed").transform()).isEqualTo(NumericTransform.STANDARDIZE);
        assertThat(schema.column("flag").transform()).isEqualTo(NumericTransform.NONE);
    }

    @Test
    void skewnessAndPercentileByHand() {
        NumericProfile profile = new NumericProfile();
        for (double x : new double[] {0, 0, 0, 3}) {
            profile.add(x);
        }
        // mean 0.75; deviations -0.75 x 3, 2.25: m2 = 3 x 0.5625 + 5.0625 = 6.75,
        // m3 = 3 x -0.421875 + 11.390625 = 10.125; g1 = sqrt(4) x 10.125 / 6.75^1.5 = 1.1547
        assertThat(profile.skewness()).isCloseTo(2 * 10.125 / Math.pow(6.75, 1.5), org.assertj.core.data.Offset.offset(1e-12));
        // nearest rank: ceil(0.99 x 4) = 4th smallest
        assertThat(profile.p99()).isEqualTo(3.0);
        assertThat(String.format(Locale.ROOT, "%.4f", profile.skewness())).isEqualTo("1.1547");
    }

    @Test
    void distinctCountingStopsAtItsLimit() {
        DistinctValues values = new DistinctValues(100);
        for (int i = 0; i < 100; i++) {
            values.add("v" + i);
            values.add("v" + i);
        }
        assertThat(values.distinct()).isEqualTo(100);
        assertThat(values.repeats()).isEqualTo(100);
        assertThat(values.overflowed()).isFalse();
        values.add("one more");
        assertThat(values.overflowed()).isTrue();
    }
}
