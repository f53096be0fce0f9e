package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.adsby.workbench.engine.compare.GroupSpread;
import me.adsby.workbench.engine.eval.Spread;
import me.adsby.workbench.engine.run.RunGroup;
import me.adsby.workbench.engine.run.RunManager;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunRecord;
import me.adsby.workbench.storage.history.RunStatus;

/**
 * {@code train --repeats N}: trains the requests as one group, one run each (queued, so they train one after
 * another), records the group on each run ({@value GroupSpread#GROUP} and {@value GroupSpread#MEMBER} params),
 * waits for all, and prints each run and each metric's mean, spread and 95% interval across the group.
 */
final class TrainGroup {

    private final RunHistory history;
    private final RunManager manager;
    private final PrintWriter out;
    private final PrintWriter err;

    TrainGroup(RunHistory history, RunManager manager, PrintWriter out, PrintWriter err) {
        this.history = history;
        this.manager = manager;
        this.out = out;
        this.err = err;
    }

    /** Starts every member; returns the exit status: 0 when all succeeded. */
    int train(RunGroup members, boolean detach, boolean json) throws InterruptedException, java.io.IOException {
        String kind = members.kind();
        List<String> ids = members.start(manager).stream().map(Run::id).toList();
        String group = history.record(ids.get(0)).params().get(GroupSpread.GROUP);
        Thread cancelOnInterrupt = new Thread(() -> ids.forEach(this::cancelQuietly), "train-group-cancel");
        if (!detach) {
            Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        }
        List<RunRecord> records = new ArrayList<>();
        for (String id : ids) {
            records.add(detach ? history.record(id) : new RunWatch(history, manager, json ? null : err).waitUntilStopped(id));
        }
        if (!detach) {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Already exiting: the hook runs.
            }
        }
        report(group, kind, records, json);
        return records.stream().allMatch(r -> r.run().status() == RunStatus.SUCCEEDED) || detach ? 0
                : records.stream().anyMatch(r -> r.run().status() == RunStatus.CANCELLED) ? WorkbenchCli.EXIT_CANCELLED
                : WorkbenchCli.EXIT_FAILURE;
    }

    /** Prints the group's runs and each metric's spread across them (for {@code train} and {@code runs group}). */
    void report(String group, String kind, List<RunRecord> records, boolean json) {
        Map<String, Spread> spreads = GroupSpread.of(records.stream().map(GroupSpread::member).toList());
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("group", group);
            result.put("kind", kind);
            result.put("runs", records.stream().map(RunSummary::of).toList());
            Map<String, Object> spread = new LinkedHashMap<>();
            spreads.forEach((key, value) -> spread.put(key, json(value)));
            result.put("spread", spread);
            JsonOutput.print(out, result);
            return;
        }
        out.println("group " + group + " (" + records.size() + " " + kind + "s)");
        for (RunRecord record : records) {
            out.printf(Locale.ROOT, "  %s %s %s%n", record.run().id(), record.run().status(),
                    record.params().getOrDefault(GroupSpread.MEMBER, ""));
        }
        out.println("  across the group (mean, sd, 95% interval of the mean; best epochs' validation, and test):");
        spreads.forEach((key, s) -> out.printf(Locale.ROOT, "    %-20s %.6g  sd %s  [%s, %s]  n=%d%n", key, s.mean(),
                text(s.sd()), text(s.low()), text(s.high()), s.count()));
        out.flush();
    }

    /** A spread as JSON, an undefined sd or bound (one run) as null. */
    private static Map<String, Object> json(Spread spread) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("count", spread.count());
        fields.put("mean", spread.mean());
        fields.put("sd", Double.isNaN(spread.sd()) ? null : spread.sd());
        fields.put("low", Double.isNaN(spread.low()) ? null : spread.low());
        fields.put("high", Double.isNaN(spread.high()) ? null : spread.high());
        return fields;
    }

    private static String text(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.6g", value);
    }

    private void cancelQuietly(String runId) {
        try {
            manager.cancel(runId);
        } catch (Exception e) {
            // The JVM is exiting; the run may have ended already.
        }
    }
}
