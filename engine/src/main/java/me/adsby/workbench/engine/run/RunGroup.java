package me.adsby.workbench.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.adsby.workbench.engine.model.Hyperparameters;
import me.adsby.workbench.storage.history.Run;

/**
 * A group of runs started together (ADR 19): {@link #repeats} of one request with model seeds {@code seed ...
 * seed + n - 1} on one split, or the {@link #folds} of a K-fold split with one seed. {@link #start} queues every
 * member and records the group on each ({@value #GROUP} and {@value #MEMBER} params).
 *
 * @param kind    {@code repeat} or {@code fold}
 * @param members the requests, in order
 */
public record RunGroup(String kind, List<RunRequest> members) {

    /** The param that names a run's group, and the one that says which member it is. */
    public static final String GROUP = "group";
    public static final String MEMBER = "group_member";

    /** The most runs in a group. */
    public static final int MAX_RUNS = 100;

    public RunGroup {
        members = List.copyOf(members);
        if (members.size() < 2 || members.size() > MAX_RUNS) {
            throw new IllegalArgumentException("a group has 2 to " + MAX_RUNS + " runs, was " + members.size());
        }
    }

    /** The request {@code n} times with model seeds seed, seed + 1, ...; the split stays the same. */
    public static RunGroup repeats(RunRequest request, int n) {
        List<RunRequest> members = new ArrayList<>();
        Hyperparameters hp = request.hyperparameters();
        for (int i = 0; i < n; i++) {
            members.add(new RunRequest(request.displayName() + " (seed " + (hp.seed() + i) + ")", request.experiment(),
                    request.dataset(), request.label(), request.imageColumn(), request.exclude(), request.recipe(),
                    hp.withSeed(hp.seed() + i), request.split(), request.maxBadRows(), request.target(), request.selectBy(),
                    request.schema(), request.calibrate()));
        }
        return new RunGroup("repeat", members);
    }

    /** Fold i of K for i = 1..K: one model seed, each fold validating on a K-th of the rows below the test part. */
    public static RunGroup folds(RunRequest request, int k) {
        List<RunRequest> members = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            members.add(new RunRequest(request.displayName() + " (fold " + i + " of " + k + ")", request.experiment(),
                    request.dataset(), request.label(), request.imageColumn(), request.exclude(), request.recipe(),
                    request.hyperparameters(), request.split().fold(i, k), request.maxBadRows(), request.target(),
                    request.selectBy(), request.schema(), request.calibrate()));
        }
        return new RunGroup("fold", members);
    }

    /**
     * Queues every member and records the group on each; returns the runs, in order. The group's id is the first
     * run's id with {@code g-} for {@code r-}.
     */
    public List<Run> start(RunManager manager) throws java.io.IOException {
        List<Run> runs = new ArrayList<>();
        String group = null;
        for (int i = 0; i < members.size(); i++) {
            Run run = manager.start(members.get(i));
            group = group == null ? "g-" + run.id().substring(2) : group;
            manager.history().putParams(run.id(), Map.of(GROUP, group,
                    MEMBER, String.format(Locale.ROOT, "%s %d of %d", kind, i + 1, members.size())));
            runs.add(run);
        }
        return runs;
    }
}
