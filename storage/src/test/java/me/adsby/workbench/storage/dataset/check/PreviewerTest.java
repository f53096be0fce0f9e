package me.adsby.workbench.storage.dataset.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.dataset.TestCsv;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaInference;

class PreviewerTest {

    private static final String TEXT = "id,price,clicked\n1,2.5,yes\n2,abc,0\n3,NA,0\n4,1\n5,1,1\n";

    private static Schema schema() throws IOException {
        return SchemaInference.infer(TestCsv.text("s.csv", "id,price,clicked\n1,2.5,1\n"));
    }

    @Test
    void showsParsedValuesAndMarksBadRows() throws IOException {
        Preview preview = Previewer.preview(TestCsv.text("p.csv", TEXT), schema(), 4);
        assertThat(preview.rows()).extracting(PreviewRow::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(preview.rows().get(0).values()).containsExactly("1", 2.5, true);
        assertThat(preview.rows().get(1).problem().kind()).isEqualTo(ProblemKind.NOT_A_NUMBER);
        assertThat(preview.rows().get(1).text()).containsExactly("2", "abc", "0");
        assertThat(preview.rows().get(2).values()).isEqualTo(Arrays.asList("3", null, false));
        assertThat(preview.rows().get(3).problem().reason()).isEqualTo("expected 3 fields, found 2");
        assertThat(preview.truncated()).isTrue();
        assertThat(preview.stop()).isNull();
    }

    @Test
    void showsWhereAFileStopsEarly() throws IOException {
        Preview preview = Previewer.preview(TestCsv.text("p.csv", "id,price,clicked\n1,2,0\n\"2,3,1\n"), schema(), 10);
        assertThat(preview.rows()).hasSize(1);
        assertThat(preview.stop().kind()).isEqualTo(ProblemKind.UNTERMINATED_QUOTE);
        assertThat(preview.stop().line()).isEqualTo(3);
        assertThat(preview.truncated()).isFalse();
    }
}
