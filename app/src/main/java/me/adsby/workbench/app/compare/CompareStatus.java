package me.adsby.workbench.app.compare;

import me.adsby.workbench.engine.compare.ComparedRun;
import me.adsby.workbench.engine.compare.ComparisonSummary;
import me.adsby.workbench.engine.compare.RunComparison;

/** The Compare screen's status line after a comparison: what was compared on what, and each run's verdict line. */
final class CompareStatus {

    private CompareStatus() {
    }

    static String of(RunComparison result) {
        StringBuilder text = new StringBuilder(result.runs().size() + " runs on " + result.request().source().describe()
                + ", " + result.baseline().evaluation().count() + " examples in the baseline's predictions; 95% intervals"
                + " by " + result.request().bootstrap().resamples() + " bootstrap resamples; differences: DeLong for AUC,"
                + " paired bootstrap for the rest. Verdicts on threshold-free metrics only, better or worse only when"
                + " the interval excludes 0; accuracy, precision, recall and F1 at threshold "
                + result.request().threshold() + " are shown, not judged.");
        java.util.Map<String, String> names = RunNames.of(result.runs());
        for (ComparedRun run : result.runs()) {
            if (!run.id().equals(result.request().baselineId())) {
                text.append('\n').append(ComparisonSummary.of(run, result.baseline(), names.get(run.id()),
                        names.get(result.baseline().id()))).append('.');
            }
        }
        return text.toString();
    }
}
