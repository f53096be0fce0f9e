package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.adsby.workbench.engine.compare.GroupComparer;
import me.adsby.workbench.engine.compare.GroupDifference;
import me.adsby.workbench.storage.history.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code workbench compare-groups A B}: two groups of runs ({@code train --repeats} or {@code --folds}), each
 * metric's mean in both, B's difference with Welch's 95% interval, and a verdict that says better or worse only
 * when the interval excludes 0 ({@link GroupDifference}).
 */
@Command(name = "compare-groups", mixinStandardHelpOptions = true,
        description = {"Compare two groups of runs (train --repeats or --folds): each metric's means, B's difference",
            "with Welch's 95%% interval across the runs, and better / tie / worse."})
final class CompareGroupsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "GROUP_A", description = "The baseline group.")
    private String groupA;

    @Parameters(index = "1", paramLabel = "GROUP_B", description = "The group measured against it.")
    private String groupB;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    private boolean json;

    @ParentCommand
    private WorkbenchCommand workbench;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (RunSession session = RunSession.open(workbench)) {
            GroupComparer comparer = new GroupComparer(session.history());
            for (String group : List.of(groupA, groupB)) {
                List<RunRecord> records = comparer.records(group);
                if (records.isEmpty()) {
                    spec.commandLine().getErr().println("workbench: no run is in group " + group);
                    return WorkbenchCli.EXIT_FAILURE;
                }
                for (RunRecord record : records) {
                    session.manager().ingest(record.run().id());
                }
            }
            GroupComparer.Comparison comparison;
            try {
                comparison = comparer.compare(groupA, groupB);
            } catch (IllegalArgumentException refused) {
                spec.commandLine().getErr().println("workbench: " + refused.getMessage());
                return WorkbenchCli.EXIT_FAILURE;
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("group_a", groupA);
                result.put("group_b", groupB);
                result.put("data", comparison.data());
                result.put("runs_a", comparison.runsA());
                result.put("runs_b", comparison.runsB());
                result.put("differences", comparison.differences().stream().map(CompareGroupsCommand::json).toList());
                JsonOutput.print(out, result);
                return 0;
            }
            out.printf(Locale.ROOT, "%s (%d runs) against %s (%d runs), both trained on %s;%n", groupB,
                    comparison.runsB(), groupA, comparison.runsA(), comparison.data());
            out.printf(Locale.ROOT, "val_: each run's best epoch on validation, test_: its held-out test rows;"
                    + " B - A with Welch's 95%% interval:%n");
            for (GroupDifference d : comparison.differences()) {
                out.printf(Locale.ROOT, "  %-22s A %.6g  B %.6g  B-A %+.6g [%s, %s]  %s%n", d.metric(), d.meanA(), d.meanB(),
                        d.difference(), text(d.low()), text(d.high()), d.verdict());
            }
            out.flush();
            return 0;
        }
    }

    private static Map<String, Object> json(GroupDifference d) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("metric", d.metric());
        fields.put("mean_a", d.meanA());
        fields.put("mean_b", d.meanB());
        fields.put("difference", d.difference());
        fields.put("low", Double.isNaN(d.low()) ? null : d.low());
        fields.put("high", Double.isNaN(d.high()) ? null : d.high());
        fields.put("verdict", d.verdict());
        return fields;
    }

    private static String text(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%+.6g", value);
    }
}
