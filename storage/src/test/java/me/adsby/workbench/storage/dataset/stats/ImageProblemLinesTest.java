package me.adsby.workbench.storage.dataset.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.TestCsv;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.dataset.schema.SchemaInference;
import me.adsby.workbench.storage.image.ImageFacts;
import me.adsby.workbench.storage.image.ImageProbe;
import me.adsby.workbench.storage.image.ImageStatus;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/** The statistics name the lines of the images they could not use: the first few, and a count. */
class ImageProblemLinesTest {

    /** Images named bad*.png are missing; the others are fine. */
    private static final ImageProbe PROBE = reference -> reference.startsWith("bad")
            ? new ImageFacts(ImageStatus.MISSING, 0, 0, -1, "'" + reference + "': no such file or object")
            : new ImageFacts(ImageStatus.OK, 10, 10, 100, "");

    @Test
    void theFirstProblemsKeepTheirLinesAndAllAreCounted() throws IOException {
        StringBuilder text = new StringBuilder("id,img,clicked\n");
        for (int i = 1; i <= 30; i++) {
            // Row i is on line i + 1; every third row (3, 6, ..., 30) names a missing image: 10 of them.
            // Row 4 has two fields: a bad row, not probed. A blank line after row 10 shifts the later lines by one.
            text.append(i == 4 ? "4,x.png\n" : i + "," + (i % 3 == 0 ? "bad" : "ok") + i + ".png,0\n");
            if (i == 10) {
                text.append('\n');
            }
        }
        String csv = text.toString();
        Schema schema = SchemaInference.infer(TestCsv.text("t.csv", csv), 3);
        StatisticsOptions options = new StatisticsOptions(ErrorPolicy.skipAndCount(), 10_000, 20, null, 0, 100)
                .withImageProbe(PROBE, 0);

        DatasetStatistics stats = StatisticsCollector.collect(TestCsv.text("t.csv", csv), schema, options,
                ProgressListener.NONE, Cancellation.NEVER);

        ImageSummary images = stats.image();
        // Rows 3, 6, 9 on lines 4, 7, 10; rows 12..30 after the blank line on lines i + 2: 14, 17, ..., 32.
        assertThat(images.firstProblems()).extracting(ImageSummary.ImageProblem::line)
                .containsExactly(4L, 7L, 10L, 14L, 17L, 20L, 23L, 26L, 29L, 32L);
        assertThat(images.firstProblems().get(0).reason()).isEqualTo("'bad3.png': no such file or object");
        assertThat(images.problems()).isEqualTo(10);
        assertThat(images.probed()).isEqualTo(29);
    }

    @Test
    void beyondTheFirstFewOnlyTheCountGrows() throws IOException {
        StringBuilder text = new StringBuilder("id,img,clicked\n");
        for (int i = 1; i <= 25; i++) {
            text.append(i).append(",bad").append(i).append(".png,1\n");
        }
        String csv = text.toString();
        Schema schema = SchemaInference.infer(TestCsv.text("t.csv", csv), 3);
        StatisticsOptions options = new StatisticsOptions(ErrorPolicy.skipAndCount(), 10_000, 20, null, 0, 100)
                .withImageProbe(PROBE, 0);

        ImageSummary images = StatisticsCollector.collect(TestCsv.text("t.csv", csv), schema, options,
                ProgressListener.NONE, Cancellation.NEVER).image();

        // 25 missing on lines 2..26: the first ImageSummary.FIRST_PROBLEMS (10) listed, lines 2..11.
        assertThat(images.firstProblems()).hasSize(ImageSummary.FIRST_PROBLEMS);
        assertThat(images.firstProblems().get(9).line()).isEqualTo(11);
        assertThat(images.problems()).isEqualTo(25);
    }
}
