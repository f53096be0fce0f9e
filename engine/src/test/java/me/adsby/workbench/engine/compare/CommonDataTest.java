package me.adsby.workbench.engine.compare;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunRecord;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.Test;

class CommonDataTest {

    @Test
    void runsOfOtherDatasetsAreRefusedOnValidationButMayMeetOnOneEvaluationDataset() {
        List<RunRecord> runs = List.of(record("r-1", "gs://ads/jan.csv", "clicked"), record("r-2", "gs://ads/feb.csv",
                "clicked"));

        assertThatThrownBy(() -> RunComparer.requireCommonData(runs, ComparisonSource.VALIDATION))
                .hasMessageContaining("r-1: gs://ads/jan.csv, label clicked; r-2: gs://ads/feb.csv, label clicked")
                .hasMessageContaining("compare them on an evaluation dataset every one of them was scored on");
        assertThatCode(() -> RunComparer.requireCommonData(runs, ComparisonSource.evaluation("gs://ads/mar.csv")))
                .doesNotThrowAnyException();
    }

    @Test
    void runsOfOtherLabelsAreRefusedEvenOnOneDataset() {
        List<RunRecord> runs = List.of(record("r-1", "gs://ads/jan.csv", "clicked"), record("r-2", "gs://ads/jan.csv",
                "converted"));

        assertThatThrownBy(() -> RunComparer.requireCommonData(runs, ComparisonSource.evaluation("gs://ads/mar.csv")))
                .hasMessageContaining("predict different labels");
        assertThatCode(() -> RunComparer.requireCommonData(List.of(runs.get(0), record("r-3", "gs://ads/jan.csv",
                "clicked")), ComparisonSource.VALIDATION)).doesNotThrowAnyException();
    }

    private static RunRecord record(String id, String dataset, String label) {
        Run run = new Run(id, id, "ctr", RunStatus.SUCCEEDED, TrainingTarget.LOCAL_CPU, Instant.EPOCH, null, null, null,
                "/runs/" + id, "tabular");
        return new RunRecord(run, Map.of("dataset", dataset, "label", label), Map.of(), Optional.empty(), List.of(),
                List.of(), Map.of(), Optional.empty(), 0);
    }
}
