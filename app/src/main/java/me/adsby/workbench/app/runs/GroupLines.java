package me.adsby.workbench.app.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.adsby.workbench.engine.compare.GroupComparer;
import me.adsby.workbench.engine.compare.GroupSpread;
import me.adsby.workbench.engine.eval.Spread;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunRecord;

/**
 * The run page's lines about the run's group ({@code train --repeats} or {@code --folds}): which member it is,
 * the group's runs, and each metric's mean, sd and 95% interval across them (the best epochs' validation metrics,
 * and test metrics where the runs have a test part). Read off the FX thread.
 */
final class GroupLines {

    private GroupLines() {
    }

    /** The lines for the run whose record is {@code read}; none when it is in no group. */
    static List<KeyValue> of(RunHistory history, RunRecord read) {
        String group = read.params().get(GroupSpread.GROUP);
        if (group == null) {
            return List.of();
        }
        List<RunRecord> members = new GroupComparer(history).records(group);
        List<KeyValue> lines = new ArrayList<>();
        lines.add(new KeyValue("Group", group + ": " + read.params().getOrDefault(GroupSpread.MEMBER, "a member")
                + "; " + members.size() + " runs: " + String.join(", ", members.stream().map(m -> m.run().id()).toList())));
        Map<String, Spread> spreads = GroupSpread.of(members.stream().map(GroupSpread::member).toList());
        spreads.forEach((key, spread) -> lines.add(new KeyValue("group " + key, describe(spread))));
        return lines;
    }

    /** {@code mean 0.6812, sd 0.0041, 95% [0.6761, 0.6863] over 3 runs}; one run has no spread. */
    static String describe(Spread spread) {
        if (Double.isNaN(spread.sd())) {
            return String.format(Locale.ROOT, "%.4f from 1 run (no spread yet)", spread.mean());
        }
        return String.format(Locale.ROOT, "mean %.4f, sd %.4f, 95%% [%.4f, %.4f] over %d runs", spread.mean(), spread.sd(),
                spread.low(), spread.high(), spread.count());
    }
}
