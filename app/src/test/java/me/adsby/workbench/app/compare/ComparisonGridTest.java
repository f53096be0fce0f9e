package me.adsby.workbench.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import me.adsby.workbench.engine.compare.ComparedRun;
import me.adsby.workbench.engine.compare.ComparisonRequest;
import me.adsby.workbench.engine.compare.RunComparison;
import me.adsby.workbench.engine.eval.Bootstrap;
import me.adsby.workbench.engine.eval.Evaluator;
import me.adsby.workbench.engine.eval.ModelComparison;
import me.adsby.workbench.engine.eval.PairedPredictions;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.engine.eval.Verdict;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunStatus;
import me.adsby.workbench.storage.settings.TrainingTarget;
import org.junit.jupiter.api.Test;

class ComparisonGridTest {

    // Labels 0, 0, 1, 1. Baseline scores 0.1, 0.4, 0.35, 0.8: of the 4 positive-negative pairs, 0.35 beats
    // 0.1 only and 0.8 beats both, so AUC = 3/4. Candidate 0.1, 0.2, 0.8, 0.9 ranks every positive first: 1.
    private static final boolean[] LABELS = {false, false, true, true};
    private static final Predictions BASELINE = Predictions.of(new double[] {0.1, 0.4, 0.35, 0.8}, LABELS);
    private static final Predictions CANDIDATE = Predictions.of(new double[] {0.1, 0.2, 0.8, 0.9}, LABELS);

    private static RunComparison comparison() {
        Bootstrap bootstrap = new Bootstrap(50, 1L);
        Evaluator evaluator = Evaluator.defaults();
        ComparedRun base = new ComparedRun(run("r-a", "first"), Map.of("lr", "0.01"), BASELINE,
                evaluator.evaluate(BASELINE), bootstrap.intervals(BASELINE, 0.5), 3, Map.of("val_auc", 0.70), Map.of(),
                List.of(), null);
        ComparedRun other = new ComparedRun(run("r-b", "second"), Map.of("lr", "0.03"), CANDIDATE,
                evaluator.evaluate(CANDIDATE), bootstrap.intervals(CANDIDATE, 0.5), 2, Map.of("val_auc", 0.80), Map.of(),
                new ModelComparison(0.5, bootstrap).compare(PairedPredictions.match(BASELINE, CANDIDATE)), null);
        return new RunComparison(ComparisonRequest.of(List.of("r-a", "r-b")).withBootstrap(bootstrap),
                List.of(base, other), Map.of("lr", Map.of("r-a", "0.01", "r-b", "0.03")));
    }

    private static Run run(String id, String name) {
        return new Run(id, name, "ctr", RunStatus.SUCCEEDED, TrainingTarget.LOCAL_CPU, Instant.EPOCH, null, null, null,
                "/runs/" + id, "tabular");
    }

    @Test
    void aRowPerMetricAColumnPerRunTheBestInBoldAndTheDifferenceUnderIt() {
        ComparisonGrid grid = ComparisonGrid.of(comparison(), false);

        assertThat(grid.columns()).containsExactly("first (baseline)", "second");
        ComparisonGrid.Row auc = grid.rows().stream().filter(row -> row.label().equals("auc")).findFirst().orElseThrow();
        assertThat(auc.cells().get(0).text()).startsWith("0.7500");
        assertThat(auc.cells().get(0).best()).isFalse();
        assertThat(auc.cells().get(1).text()).startsWith("1.0000").contains("\n+0.2500");
        assertThat(auc.cells().get(1).best()).isTrue();
        assertThat(auc.cells().get(1).verdict()).isNotNull();
        ComparisonGrid.Row epochAuc = grid.rows().stream().filter(row -> row.label().equals("val_auc")).findFirst()
                .orElseThrow();
        assertThat(epochAuc.cells().get(1).best()).isTrue();
        assertThat(grid.rows().get(grid.rows().size() - 1).label()).isEqualTo("param lr");
    }

    @Test
    void differencesOnlyKeepsTheRowsWithAVerdictOtherThanTieAndTheParameters() {
        RunComparison comparison = comparison();
        ComparisonGrid grid = ComparisonGrid.of(comparison, true);
        long decided = comparison.runs().get(1).differences().stream()
                .filter(d -> d.metric().thresholdFree() && d.verdict() != Verdict.TIE).count();

        // Every metric row left has a better or worse verdict on a threshold-free metric; the parameter row is kept.
        assertThat(grid.rows()).hasSize((int) decided + 1);
        assertThat(grid.rows().stream().filter(row -> !row.label().startsWith("param"))
                .allMatch(row -> row.cells().get(1).verdict() != Verdict.TIE)).isTrue();
    }

    @Test
    void transposingSwapsRunsAndMetrics() {
        ComparisonGrid grid = ComparisonGrid.of(comparison(), false);
        ComparisonGrid transposed = grid.transposed();

        assertThat(transposed.rows()).extracting(ComparisonGrid.Row::label).containsExactly("first (baseline)", "second");
        assertThat(transposed.columns()).isEqualTo(grid.rows().stream().map(ComparisonGrid.Row::label).toList());
    }

    @Test
    void thresholdMetricsSayTheirThresholdAndAreNeitherJudgedNorMarkedBest() {
        ComparisonGrid grid = ComparisonGrid.of(comparison(), false);

        ComparisonGrid.Row accuracy = grid.rows().stream().filter(row -> row.label().startsWith("accuracy")).findFirst()
                .orElseThrow();
        assertThat(accuracy.label()).isEqualTo("accuracy @ 0.5 (not judged)");
        assertThat(accuracy.cells()).allSatisfy(cell -> {
            assertThat(cell.verdict()).isNull();
            assertThat(cell.best()).isFalse();
        });
        assertThat(accuracy.cells().get(1).text()).endsWith("not judged");
    }

    @Test
    void theCsvHasARecordPerMetricAndRunWithEveryNumberInItsOwnColumn() throws Exception {
        String csv = me.adsby.workbench.engine.compare.ComparisonCsv.of(comparison());

        List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv)).getRecords();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",",
                me.adsby.workbench.engine.compare.ComparisonCsv.HEADER));
        assertThat(records).hasSize(me.adsby.workbench.engine.eval.Metric.values().length * 2);
        // AUC: 0.75 for the baseline and 1.0 for the other run (hand-worked above), a difference of +0.25.
        org.apache.commons.csv.CSVRecord auc = records.stream().filter(r -> r.get("metric").equals("auc")
                && r.get("run_id").equals("r-b")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(auc.get("value"))).isEqualTo(1.0);
        assertThat(Double.parseDouble(auc.get("difference"))).isEqualTo(0.25);
        assertThat(auc.get("verdict")).isIn("better", "tie");
        assertThat(auc.get("threshold")).isEmpty();
        org.apache.commons.csv.CSVRecord baseline = records.stream().filter(r -> r.get("metric").equals("auc")
                && r.get("run_id").equals("r-a")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(baseline.get("value"))).isEqualTo(0.75);
        assertThat(baseline.get("verdict")).isEqualTo("baseline");
        org.apache.commons.csv.CSVRecord accuracy = records.stream().filter(r -> r.get("metric").equals("accuracy")
                && r.get("run_id").equals("r-b")).findFirst().orElseThrow();
        assertThat(accuracy.get("threshold")).isEqualTo("0.5");
        assertThat(accuracy.get("verdict")).isEqualTo("not judged");
    }
}
