package me.adsby.workbench.storage.dataset.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.TestCsv;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaInference;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

class LabelCheckTest {

    private static ValidationReport validate(CsvSource source, Schema schema) throws IOException {
        return Validator.validate(source, schema, ProgressListener.NONE, Cancellation.NEVER);
    }

    @Test
    void aLabelNamedColumnThatIsNotBinaryFailsValidationAtItsLine() throws IOException {
        // converted holds 2 on line 4 (the header is line 1) and 3 on line 5: one problem, at line 4
        CsvSource source = TestCsv.text("ads.csv", "bid,converted\n1,0\n2,1\n3,2\n4,3\n");
        Schema inferred = SchemaInference.infer(source);

        ValidationReport report = validate(source, inferred);

        assertThat(report.valid()).isFalse();
        assertThat(report.badRows()).isZero();
        assertThat(report.problemCounts()).containsEntry(ProblemKind.LABEL_NOT_BINARY, 1L);
        assertThat(report.problems()).extracting(Object::toString).singleElement().asString()
                .startsWith("ads.csv:4: column 'converted' is named like a label but has '2' (and 1 more value that is not binary)");
    }

    @Test
    void aDeclaredLabelIsCheckedRowByRow() throws IOException {
        CsvSource source = TestCsv.text("ads.csv", "bid,outcome\n1,0\n2,1\n3,2\n");

        ValidationReport report = validate(source, SchemaInference.infer(source).withLabel("outcome"));

        assertThat(report.badRows()).isEqualTo(1);
        assertThat(report.problems()).extracting(Object::toString).containsExactly(
                "ads.csv:4: label column 'outcome' has '2'; expected 0/1, true/false or yes/no");
    }

    @Test
    void aBinaryLabelPasses() throws IOException {
        CsvSource source = TestCsv.text("ads.csv", "bid,label_positive\n1,0\n2,1\n");
        assertThat(validate(source, SchemaInference.infer(source)).valid()).isTrue();
    }
}
