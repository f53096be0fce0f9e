package me.adsby.workbench.engine.compare;

import java.util.ArrayList;
import java.util.List;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunRecord;

/**
 * Reads groups of runs ({@code train --repeats} or {@code --folds}) from the history and compares two of them
 * ({@link GroupDifference}): the one path that {@code workbench compare-groups} and the Compare screen's Groups
 * tab share. Reading the history takes a database round trip per run: call it off the FX thread.
 */
public final class GroupComparer {

    private final RunHistory history;

    public GroupComparer(RunHistory history) {
        this.history = history;
    }

    /** Every group in the history, the newest first, each with its first member's name and its size. */
    public List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (String id : history.paramValues(GroupSpread.GROUP)) {
            List<RunRecord> members = records(id);
            if (!members.isEmpty()) {
                groups.add(new Group(id, members.get(0).run().name(), members.size()));
            }
        }
        return groups;
    }

    /** A group as the pickers show it: {@code g-... (3 runs: logistic on ads.csv (seed 42), ...)}. */
    public record Group(String id, String firstRunName, int runs) {

        public String describe() {
            return id + " (" + runs + " runs: " + firstRunName + ", …)";
        }
    }

    /** The group's records in member order; empty when no run is in the group. */
    public List<RunRecord> records(String group) {
        List<RunRecord> records = new ArrayList<>();
        for (String id : history.runsWithParam(GroupSpread.GROUP, group)) {
            records.add(history.record(id));
        }
        return GroupSpread.inMemberOrder(records);
    }

    /** The group's members' numbers, in member order. */
    public List<GroupSpread.Member> members(String group) {
        return records(group).stream().map(GroupSpread::member).toList();
    }

    /**
     * B against A on every metric both groups have. Both groups must have trained on one dataset with one label:
     * otherwise the difference would mix the data with the model.
     *
     * @throws IllegalArgumentException when a group has no run, or the groups' runs trained on different data
     */
    public Comparison compare(String groupA, String groupB) {
        List<RunRecord> a = records(groupA);
        List<RunRecord> b = records(groupB);
        String dataA = data(groupA, a);
        String dataB = data(groupB, b);
        if (!dataA.equals(dataB)) {
            throw new IllegalArgumentException("group " + groupA + " trained on " + dataA + " and group " + groupB
                    + " on " + dataB + "; groups are compared only on the same dataset and label");
        }
        return new Comparison(groupA, groupB, dataA, a.size(), b.size(), GroupDifference.of(
                a.stream().map(GroupSpread::member).toList(), b.stream().map(GroupSpread::member).toList()));
    }

    /** {@code URI (label L)}, the one every run of the group trained on. */
    private static String data(String group, List<RunRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("no run is in group " + group);
        }
        java.util.TreeSet<String> data = new java.util.TreeSet<>();
        for (RunRecord record : records) {
            data.add(record.params().getOrDefault("dataset", "an unrecorded dataset") + " (label "
                    + record.params().getOrDefault("label", "unrecorded") + ")");
        }
        if (data.size() > 1) {
            throw new IllegalArgumentException("the runs of group " + group + " trained on different data: "
                    + String.join(", ", data));
        }
        return data.first();
    }

    /** The two groups, the data both trained on ({@code URI (label L)}), their sizes and B's differences to A. */
    public record Comparison(String groupA, String groupB, String data, int runsA, int runsB,
            List<GroupDifference> differences) {

        public Comparison {
            differences = List.copyOf(differences);
        }
    }
}
