package me.adsby.workbench.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationRowsTest {

    @TempDir
    Path version;

    private static final BlobInfo DATASET = new BlobInfo(BlobUri.parse("gs://ads/train.csv"), 1_000, Instant.EPOCH, 7, 1,
            "md5==", null, "text/csv");

    @Test
    void aRunsValidationRowsAreItsPredictionsKeysAndRoundTripThroughTheCardAndTheRowsFile() throws Exception {
        Predictions validation = Predictions.of(new double[] {0.1, 0.9, 0.4}, new boolean[] {false, true, false})
                .withKeys(new String[] {"12", "3", "40"});
        EvaluationRows rows = EvaluationRows.keysOf(DATASET, validation, "the validation rows of run r-1");
        rows.writeRowsFile(version);

        EvaluationRows read = EvaluationRows.fromJson(rows.toJson(), version);

        assertThat(read).isEqualTo(rows);
        assertThat(read.rows()).containsExactly(3L, 12L, 40L);
        assertThat(read.describe()).isEqualTo("3 rows of gs://ads/train.csv (the validation rows of run r-1)");
    }

    @Test
    void predictionsOfOtherRowsAreRestrictedToTheRecordedOnesAndAMissingRowIsAnError() {
        EvaluationRows rows = new EvaluationRows("gs://ads/train.csv", 7, 1_000, null, "r", new TreeSet<>(List.of(2L, 4L)));
        Predictions all = Predictions.of(new double[] {0.1, 0.2, 0.3, 0.4}, new boolean[] {false, true, false, true})
                .withKeys(new String[] {"1", "2", "3", "4"});

        Predictions kept = rows.restrict(all);

        // Rows 2 and 4 hold scores 0.2 and 0.4, both positive.
        assertThat(kept.scores()).containsExactly(0.2, 0.4);
        assertThat(kept.positives()).isEqualTo(2);
        Predictions lacking = Predictions.of(new double[] {0.1}, new boolean[] {false}).withKeys(new String[] {"2"});
        assertThatThrownBy(() -> rows.restrict(lacking)).hasMessageContaining("row 4 of gs://ads/train.csv");
        assertThat(EvaluationRows.all(DATASET).restrict(all)).isSameAs(all);
    }

    @Test
    void aDatasetWithAnotherGenerationOrSizeHasChanged() {
        EvaluationRows rows = EvaluationRows.all(DATASET);
        assertThat(rows.changedSince(DATASET)).isEmpty();
        BlobInfo rewritten = new BlobInfo(DATASET.uri(), 1_000, Instant.EPOCH, 8, 1, "md5==", null, "text/csv");
        assertThat(rows.changedSince(rewritten)).hasValueSatisfying(why -> assertThat(why)
                .contains("generation 7, 1000 bytes; now generation 8, 1000 bytes"));
    }
}
