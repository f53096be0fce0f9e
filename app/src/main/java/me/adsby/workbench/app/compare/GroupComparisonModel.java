package me.adsby.workbench.app.compare;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.app.task.BackgroundTask;
import me.adsby.workbench.app.task.TaskExecutor;
import me.adsby.workbench.engine.compare.GroupComparer;
import me.adsby.workbench.engine.compare.GroupDifference;

/**
 * The Compare screen's Groups tab: two groups of runs ({@code train --repeats} or {@code --folds}, or New Run's
 * Repeats and Folds), and B's difference to A on each metric with Welch's 95% interval across the runs. Reads
 * and compares off the FX thread, as {@code workbench compare-groups} does.
 */
public final class GroupComparisonModel {

    private final TaskExecutor tasks;
    private final GroupComparer comparer;
    private final ObservableList<String> groups = FXCollections.observableArrayList();
    private final java.util.Map<String, String> descriptions = new java.util.HashMap<>();
    private final ObjectProperty<String> groupA = new SimpleObjectProperty<>();
    private final ObjectProperty<String> groupB = new SimpleObjectProperty<>();
    private final ObservableList<GroupDifference> differences = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Train a group with New Run's Repeats or Folds, then choose two groups here.");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public GroupComparisonModel(TaskExecutor tasks, GroupComparer comparer) {
        this.tasks = tasks;
        this.comparer = comparer;
    }

    /** Reads the history's groups for the two pickers, keeping the choices that still exist. */
    public void loadGroups() {
        tasks.submit(BackgroundTask.of("Reading groups of runs", (progress, cancel) -> comparer.groups())
                .onSuccess(found -> {
                    String a = groupA.get();
                    String b = groupB.get();
                    descriptions.clear();
                    found.forEach(group -> descriptions.put(group.id(), group.describe()));
                    List<String> ids = found.stream().map(GroupComparer.Group::id).toList();
                    groups.setAll(ids);
                    groupA.set(ids.contains(a) ? a : null);
                    groupB.set(ids.contains(b) ? b : null);
                }).quiet());
    }

    /** Compares B against A; says why not when either is missing or they are the same group. */
    public void compare() {
        String a = groupA.get();
        String b = groupB.get();
        if (a == null || b == null) {
            status.set("Choose group A (the baseline) and group B.");
            return;
        }
        if (a.equals(b)) {
            status.set("Groups A and B are the same group; choose two different ones.");
            return;
        }
        busy.set(true);
        status.set("Comparing " + b + " with " + a + "…");
        tasks.submit(BackgroundTask.of("Comparing groups " + a + " and " + b, (progress, cancel) -> comparer.compare(a, b))
                .onSuccess(comparison -> {
                    busy.set(false);
                    differences.setAll(comparison.differences());
                    status.set(summary(comparison));
                })
                .onFailure(failure -> {
                    busy.set(false);
                    differences.clear();
                    status.set("Could not compare the groups: " + failure.getMessage());
                }));
    }

    static String summary(GroupComparer.Comparison comparison) {
        if (comparison.differences().isEmpty()) {
            return comparison.groupB() + " and " + comparison.groupA() + " have no metric in common yet.";
        }
        return comparison.groupB() + " (" + comparison.runsB() + " runs) against " + comparison.groupA() + " ("
                + comparison.runsA() + " runs), both trained on " + comparison.data() + ". val_ metrics are each run's best"
                + " epoch on its validation rows, test_ ones its held-out test rows; B − A with Welch's 95% interval"
                + " across the runs, better or worse only when the interval leaves out 0.";
    }

    public ObservableList<String> groups() {
        return groups;
    }

    /** How the pickers show a group: its id, size and first run's name. */
    public String describe(String group) {
        return group == null ? "" : descriptions.getOrDefault(group, group);
    }

    public ObjectProperty<String> groupAProperty() {
        return groupA;
    }

    public ObjectProperty<String> groupBProperty() {
        return groupB;
    }

    public ObservableList<GroupDifference> differences() {
        return differences;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
