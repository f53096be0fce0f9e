package me.adsby.workbench.engine.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.adsby.workbench.engine.eval.MetricDifference;
import me.adsby.workbench.engine.eval.Verdict;

/**
 * A run's comparison with the baseline in one sentence, on the threshold-free metrics only (AUC, PR AUC, log loss,
 * normalized entropy, Brier, calibration error): which are better and which worse beyond noise, with the
 * difference and its 95% interval, and which are ties, for example {@code B is better than A on log loss (-0.0120,
 * 95% -0.0200 to -0.0040); auc: tie}. Threshold metrics (accuracy, precision, recall, F1 at one threshold) never
 * make a verdict here: a model that predicts no clicks at all wins on accuracy.
 */
public final class ComparisonSummary {

    private ComparisonSummary() {
    }

    /** The sentence for {@code run} against {@code baseline}, by their names; says so when it could not be paired. */
    public static String of(ComparedRun run, ComparedRun baseline) {
        return of(run, baseline, run.name(), baseline.name());
    }

    /** As {@link #of(ComparedRun, ComparedRun)}, naming the runs as a table that tells same-named runs apart does. */
    public static String of(ComparedRun run, ComparedRun baseline, String b, String a) {
        if (run.unpairedReason() != null) {
            return b + " is not compared with " + a + ": " + run.unpairedReason();
        }
        List<String> better = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        List<String> ties = new ArrayList<>();
        for (MetricDifference d : run.differences()) {
            if (!d.metric().thresholdFree() || !d.difference().isDefined()) {
                continue;
            }
            if (d.verdict() == Verdict.TIE) {
                ties.add(d.metric().key());
            } else {
                (d.verdict() == Verdict.BETTER ? better : worse).add(d.metric().key() + " (" + signed(d.difference().value())
                        + ", 95% " + signed(d.interval().lower()) + " to " + signed(d.interval().upper()) + ")");
            }
        }
        List<String> parts = new ArrayList<>();
        if (!better.isEmpty()) {
            parts.add(b + " is better than " + a + " on " + String.join(", ", better));
        }
        if (!worse.isEmpty()) {
            parts.add((better.isEmpty() ? b + " is worse than " + a + " on " : "worse on ") + String.join(", ", worse));
        }
        if (!ties.isEmpty()) {
            parts.add((parts.isEmpty() ? b + " and " + a + " tie on " : "tie on ") + String.join(", ", ties));
        }
        return parts.isEmpty() ? b + " and " + a + " have no threshold-free metric in common" : String.join("; ", parts);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }
}
