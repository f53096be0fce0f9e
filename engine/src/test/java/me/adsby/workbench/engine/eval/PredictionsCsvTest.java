package me.adsby.workbench.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import me.adsby.workbench.storage.dataset.BadDataException;
import me.adsby.workbench.storage.dataset.CsvSource;
import org.junit.jupiter.api.Test;

class PredictionsCsvTest {

    private static CsvSource csv(String text) {
        return CsvSource.of("predictions.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsARunsPredictionsWithKeysAndSlices() throws Exception {
        Predictions p = PredictionsCsv.read(csv("key,label,score,device\nr1,1,0.9,mobile\nr2,0,0.2,desktop\n"
                + "r3,true,0.65,mobile\nr4,false,1,desktop\n"), PredictionColumns.runDefaults().withSlices(List.of("device")));
        assertThat(p.size()).isEqualTo(4);
        assertThat(p.positives()).isEqualTo(2);
        assertThat(p.scores()).containsExactly(0.9, 0.2, 0.65, 1.0);
        assertThat(p.keys().orElseThrow()).containsExactly("r1", "r2", "r3", "r4");
        assertThat(p.bySlice("device").keySet()).containsExactly("desktop", "mobile");
    }

    @Test
    void everyBadRowIsReportedWithItsLine() {
        String text = "key,label,score\nr1,1,0.9\nr2,maybe,0.2\nr3,0,1.5\nr4,1,abc\nr5,0,NaN\nr1,0,0.1\nr7,1\n";
        assertThatThrownBy(() -> PredictionsCsv.read(csv(text), PredictionColumns.runDefaults()))
                .isInstanceOf(BadDataException.class)
                .hasMessageContaining("predictions.csv:3: label 'maybe' is not 0/1, true/false or yes/no")
                .hasMessageContaining("predictions.csv:4: score 1.5 is outside [0, 1]")
                .hasMessageContaining("predictions.csv:5: score 'abc' is not a number")
                .hasMessageContaining("predictions.csv:6: score 'NaN' is not a finite number")
                .hasMessageContaining("predictions.csv:7: key 'r1' was already on line 2")
                .hasMessageContaining("predictions.csv:8: expected 3 fields, found 2");
    }

    @Test
    void aMissingColumnIsNamed() {
        assertThatThrownBy(() -> PredictionsCsv.read(csv("label,prob\n1,0.5\n"), PredictionColumns.runDefaults()))
                .isInstanceOf(BadDataException.class)
                .hasMessageContaining("predictions.csv:1: no score column 'score' in the header (columns: label, prob)");
    }
}
