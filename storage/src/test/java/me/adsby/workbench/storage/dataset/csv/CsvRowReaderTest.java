package me.adsby.workbench.storage.dataset.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.TestCsv;

class CsvRowReaderTest {

    /** Every row as "line:problem-or-values". */
    private static List<String> rows(CsvSource source) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvRowReader reader = CsvRowReader.open(source)) {
            while (reader.next()) {
                out.add(reader.line() + ":" + (reader.problem() != null ? reader.problem().toString()
                        : String.join("|", reader.values())));
            }
        }
        return out;
    }

    @Test
    void plainFileGivesRowsWithTheirLines() throws IOException {
        assertThat(rows(TestCsv.text("a.csv", "x,y\n1,2\n3,4\n")))
                .containsExactly("2:1|2", "3:3|4");
    }

    @Test
    void bomAndCrlfAreHandled() throws IOException {
        CsvSource source = TestCsv.bytes("bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "id,clicked\r\n1,0\r\n2,1\r\n");
        try (CsvRowReader reader = CsvRowReader.open(source)) {
            assertThat(reader.header()).containsExactly("id", "clicked");
        }
        assertThat(rows(source)).containsExactly("2:1|0", "3:2|1");
    }

    @Test
    void multiLineQuotedFieldShiftsLaterLines() throws IOException {
        // line 1 header, line 2 a record, lines 3-5 one record with a field of three lines, line 6 a short row
        String text = "a,b\n1,x\n2,\"one\r\ntwo\nthree\"\n3\n";
        assertThat(rows(TestCsv.text("m.csv", text)))
                .containsExactly("2:1|x", "3:2|one\r\ntwo\nthree", "6:m.csv:6: expected 2 fields, found 1");
    }

    @Test
    void wrongFieldCountSaysExpectedAndFound() throws IOException {
        assertThat(rows(TestCsv.text("w.csv", "a,b,c\n1,2,3\n1,2,3,4\n")))
                .containsExactly("2:1|2|3", "3:w.csv:3: expected 3 fields, found 4");
    }

    @Test
    void blankLinesAreSkippedAndCountedAndKeepLinesRight() throws IOException {
        CsvSource source = TestCsv.text("b.csv", "a,b\n\n1,2\n\n\n3\n");
        assertThat(rows(source)).containsExactly("3:1|2", "6:b.csv:6: expected 2 fields, found 1");
        try (CsvRowReader reader = CsvRowReader.open(source)) {
            while (reader.next()) {
                // read all
            }
            assertThat(reader.blankLines()).isEqualTo(3);
            assertThat(reader.rows()).isEqualTo(2);
        }
    }

    @Test
    void unterminatedQuoteStopsAtTheLineWhereItsRecordStarts() throws IOException {
        // the record on line 3 opens a quote that never closes; lines 4.. are swallowed
        List<String> rows = rows(TestCsv.text("q.csv", "a,b\n1,2\n3,\"abc\n4,5\n6,7\n"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo("2:1|2");
        assertThat(rows.get(1)).startsWith("3:q.csv:3: a quoted field starts here and never ends");
    }

    @Test
    void unterminatedQuoteAfterMultiLineFieldHasTheShiftedLine() throws IOException {
        // lines 2-3: one record; line 4: good; line 5: unterminated
        List<String> rows = rows(TestCsv.text("q.csv", "a,b\n\"x\ny\",1\n2,3\n\"open,4\n"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2)).startsWith("5:q.csv:5: ");
    }

    @Test
    void textAfterClosingQuoteIsFatal() throws IOException {
        try (CsvRowReader reader = CsvRowReader.open(TestCsv.text("t.csv", "a,b\n1,2\n\"ab\"c,5\n6,7\n"))) {
            assertThat(reader.next()).isTrue();
            assertThat(reader.next()).isTrue();
            assertThat(reader.record()).isNull();
            assertThat(reader.problem().kind()).isEqualTo(ProblemKind.MALFORMED_QUOTE);
            assertThat(reader.problem().line()).isEqualTo(3);
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void invalidUtf8IsReportedOnItsRowAndReadingGoesOn() throws IOException {
        // 0xC3 0x28 is an invalid two-byte sequence; 0xFF is never valid in UTF-8
        CsvSource source = TestCsv.bytes("u.csv", "a,b\n1,ok\n2,", new byte[] {(byte) 0xC3, 0x28}, "\n3,fine\n4,",
                new byte[] {(byte) 0xFF}, "\n");
        assertThat(rows(source)).containsExactly("2:1|ok", "3:u.csv:3: bytes that are not UTF-8 (1 sequence)",
                "4:3|fine", "5:u.csv:5: bytes that are not UTF-8 (1 sequence)");
    }

    @Test
    void properReplacementCharacterIsNotAProblem() throws IOException {
        assertThat(rows(TestCsv.text("r.csv", "a\n\uFFFD\n"))).containsExactly("2:\uFFFD");
    }

    @Test
    void invalidUtf8AcrossBufferBoundaryKeepsTheRightLine() throws IOException {
        // 10,000 rows of "i,xxxxxxxx" (more than one 64 KiB buffer), then a bad byte on line 10,002
        StringBuilder text = new StringBuilder("a,b\n");
        for (int i = 0; i < 10_000; i++) {
            text.append(i).append(",xxxxxxxx\n");
        }
        CsvSource source = TestCsv.bytes("big.csv", text.toString(), "x,", new byte[] {(byte) 0xFE}, "\n");
        List<String> rows = rows(source);
        assertThat(rows).hasSize(10_001);
        assertThat(rows.get(10_000)).isEqualTo("10002:big.csv:10002: bytes that are not UTF-8 (1 sequence)");
    }

    @Test
    void duplicateHeaderIsFatal() {
        assertThatThrownBy(() -> CsvRowReader.open(TestCsv.text("d.csv", "id,x,id\n1,2,3\n")))
                .isInstanceOfSatisfying(BadDataException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).kind()).isEqualTo(ProblemKind.DUPLICATE_HEADER);
                    assertThat(e.problems().get(0)).hasToString(
                            "d.csv:1: duplicate column name 'id' (columns 1 and 3)");
                });
    }

    @Test
    void emptyFileHasNoHeader() {
        assertThatThrownBy(() -> CsvRowReader.open(TestCsv.text("e.csv", "")))
                .isInstanceOfSatisfying(BadDataException.class, e ->
                        assertThat(e.problems().get(0)).hasToString(
                                "e.csv:1: no rows: the file is empty (a header line and rows are needed)"));
        assertThatThrownBy(() -> CsvRowReader.open(TestCsv.bytes("bom-only.csv",
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})))
                .isInstanceOf(BadDataException.class);
    }

    @Test
    void headerWithAnEmptyNameIsRefused() {
        assertThatThrownBy(() -> CsvRowReader.open(TestCsv.text("n.csv", "a,,c\n1,2,3\n")))
                .isInstanceOfSatisfying(BadDataException.class, e -> {
                    assertThat(e.problems().get(0).kind()).isEqualTo(ProblemKind.MISSING_HEADER);
                    assertThat(e.problems().get(0).reason()).isEqualTo("column 2 of the header has no name");
                });
    }

    @Test
    void invalidUtf8InHeaderIsFatal() {
        assertThatThrownBy(() -> CsvRowReader.open(TestCsv.bytes("h.csv", "a,", new byte[] {(byte) 0xFF}, "\n1,2\n")))
                .isInstanceOfSatisfying(BadDataException.class,
                        e -> assertThat(e.problems().get(0).kind()).isEqualTo(ProblemKind.INVALID_UTF8));
    }

    @Test
    void countsBytesRead() throws IOException {
        CsvSource source = TestCsv.text("c.csv", "a\n1\n2\n");
        try (CsvRowReader reader = CsvRowReader.open(source)) {
            while (reader.next()) {
                // read all
            }
            assertThat(reader.bytesRead()).isEqualTo(6);
        }
    }
}
