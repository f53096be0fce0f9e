package me.adsby.workbench.storage.dataset.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.TestCsv;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaInference;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.Progress;
import me.adsby.workbench.storage.work.ProgressListener;

class ValidatorTest {

    /** Header on line 1, sample rows 2-3 set the types; then one problem of each row kind. */
    private static final String BAD = """
            id,price,clicked
            1,2.5,0
            2,3,1
            3,abc,0
            4,5,maybe
            5,6
            6,7,TRUE
            7,,1
            """;

    private static Schema schemaOf(String text) throws IOException {
        return SchemaInference.infer(TestCsv.text("s.csv", text), 2);
    }

    @Test
    void reportsEveryProblemWithItsLine() throws IOException {
        ValidationReport report = Validator.validate(TestCsv.text("bad.csv", BAD), schemaOf(BAD),
                ProgressListener.NONE, Cancellation.NEVER);
        assertThat(report.problems()).extracting(RowProblem::toString).containsExactly(
                "bad.csv:4: column 'price' expects a number, found 'abc'",
                "bad.csv:5: label column 'clicked' has 'maybe'; expected 0/1, true/false or yes/no",
                "bad.csv:6: expected 3 fields, found 2");
        assertThat(report.problemCounts()).isEqualTo(Map.of(ProblemKind.NOT_A_NUMBER, 1L,
                ProblemKind.LABEL_NOT_BINARY, 1L, ProblemKind.WRONG_FIELD_COUNT, 1L));
        // 7 rows: 1, 2, 6 (TRUE), 7 (missing price) are good, 3 bad
        assertThat(report.rowsRead()).isEqualTo(7);
        assertThat(report.goodRows()).isEqualTo(4);
        assertThat(report.badRows()).isEqualTo(3);
        assertThat(report.complete()).isTrue();
        assertThat(report.valid()).isFalse();
    }

    @Test
    void keepsBoundedDetailsButCountsAll() throws IOException {
        StringBuilder text = new StringBuilder("x\n1\n");
        for (int i = 0; i < 25; i++) {
            text.append("bad\n");
        }
        CsvSource source = TestCsv.text("many.csv", text.toString());
        ValidationReport report = Validator.validate(source, schemaOf("x\n1\n2\n"), 10, ProgressListener.NONE,
                Cancellation.NEVER);
        assertThat(report.problems()).hasSize(10);
        assertThat(report.problems().get(9).line()).isEqualTo(12); // the 10th bad row: line 3 + 9
        assertThat(report.detailsLeftOut()).isEqualTo(15);
        assertThat(report.problemCounts()).containsEntry(ProblemKind.NOT_A_NUMBER, 25L);
        assertThat(report.badRows()).isEqualTo(25);
    }

    @Test
    void unterminatedQuoteEndsTheReport() throws IOException {
        String text = "a,b\n1,2\n3,\"x\n4,5\n";
        ValidationReport report = Validator.validate(TestCsv.text("q.csv", text), schemaOf("a,b\n1,2\n"),
                ProgressListener.NONE, Cancellation.NEVER);
        assertThat(report.complete()).isFalse();
        assertThat(report.rowsRead()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ProblemKind.UNTERMINATED_QUOTE);
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void headerProblemIsReportedNotThrown() throws IOException {
        ValidationReport report = Validator.validate(TestCsv.text("e.csv", "a,\n1,2\n"), schemaOf("a\n1\n"),
                ProgressListener.NONE, Cancellation.NEVER);
        assertThat(report.problemCounts()).isEqualTo(Map.of(ProblemKind.MISSING_HEADER, 1L));
        assertThat(report.complete()).isFalse();
    }

    @Test
    void headerOfAnotherSchemaIsAMismatch() throws IOException {
        ValidationReport report = Validator.validate(TestCsv.text("o.csv", "b\n1\n"), schemaOf("a\n1\n"),
                ProgressListener.NONE, Cancellation.NEVER);
        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(ProblemKind.HEADER_MISMATCH));
    }

    @Test
    void reportsProgressInBytesOfTheKnownSize() throws IOException {
        CsvSource source = TestCsv.text("p.csv", "a\n1\n2\n");
        List<Progress> seen = new ArrayList<>();
        Validator.validate(source, schemaOf("a\n1\n"), seen::add, Cancellation.NEVER);
        assertThat(seen).last().isEqualTo(new Progress(6, 6, "Reading p.csv"));
    }
}
