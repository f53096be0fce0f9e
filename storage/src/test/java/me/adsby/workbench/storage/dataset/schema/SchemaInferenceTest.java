package me.adsby.workbench.storage.dataset.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import me.adsby.workbench.storage.dataset.TestCsv;

class SchemaInferenceTest {

    private static final String ADS = """
            ad_id,advertiser,hour,bid,is_mobile,clicked,image,user_id
            1,acme,3,0.5,yes,1,img/a.png,7
            2,acme,4,1.25,no,0,gs://b/c.JPG,7
            3,zeta,,NA,yes,0,img/b.jpeg,8
            """;

    @Test
    void infersTypesAndRoles() throws IOException {
        Schema schema = SchemaInference.infer(TestCsv.text("ads.csv", ADS));
        assertThat(schema.columns()).extracting(ColumnSchema::type).containsExactly(
                ColumnType.INTEGER, ColumnType.CATEGORICAL, ColumnType.INTEGER, ColumnType.FLOAT,
                ColumnType.BINARY, ColumnType.BINARY, ColumnType.IMAGE, ColumnType.INTEGER);
        assertThat(schema.columns()).extracting(ColumnSchema::role).containsExactly(
                ColumnRole.KEY, ColumnRole.FEATURE, ColumnRole.FEATURE, ColumnRole.FEATURE,
                ColumnRole.FEATURE, ColumnRole.LABEL, ColumnRole.IMAGE,
                // user_id repeats 7: not a key
                ColumnRole.FEATURE);
        assertThat(schema.label()).map(ColumnSchema::name).hasValue("clicked");
    }

    @Test
    void noLabelWhenTheNamedColumnIsNotBinary() throws IOException {
        Schema schema = SchemaInference.infer(TestCsv.text("a.csv", "label,x\ncat,1\ndog,2\n"));
        assertThat(schema.label()).isEmpty();
        assertThat(schema.column("label").type()).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void sampleLimitsWhatIsSeen() throws IOException {
        // the third row would make x categorical, but the sample is 2 rows
        Schema schema = SchemaInference.infer(TestCsv.text("a.csv", "x\n1\n2\nabc\n"), 2);
        assertThat(schema.column("x").type()).isEqualTo(ColumnType.INTEGER);
    }

    @Test
    void overridesReplaceTypeRoleAndLabel() throws IOException {
        Schema schema = SchemaInference.infer(TestCsv.text("ads.csv", ADS))
                .withType("hour", ColumnType.CATEGORICAL)
                .withRole("user_id", ColumnRole.IGNORED)
                .withLabel("is_mobile");
        assertThat(schema.column("hour").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(schema.column("user_id").role()).isEqualTo(ColumnRole.IGNORED);
        assertThat(schema.label()).map(ColumnSchema::name).hasValue("is_mobile");
        assertThat(schema.column("clicked").role()).isEqualTo(ColumnRole.FEATURE);
        assertThat(schema.withLabel(null).label()).isEmpty();
        assertThatThrownBy(() -> schema.withType("nope", ColumnType.FLOAT))
                .hasMessageContaining("no column named 'nope'");
    }
}
