package me.adsby.workbench.engine.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import me.adsby.workbench.engine.eval.Spread;

/**
 * Each metric's {@link Spread} across the runs of a group (repeats or folds): the best epoch's validation metrics
 * ({@code val_*}, as the runs' lists show them) and the test metrics ({@code test_*}) of runs that have a test
 * part. A run lacking a metric (failed, or without a test part) is left out of that metric's count.
 */
public final class GroupSpread {

    /** The group param that names a run's group, and the one that says which member it is (see RunGroup). */
    public static final String GROUP = me.adsby.workbench.engine.run.RunGroup.GROUP;
    public static final String MEMBER = me.adsby.workbench.engine.run.RunGroup.MEMBER;

    private static final java.util.regex.Pattern MEMBER_NUMBER = java.util.regex.Pattern.compile("\\S+ (\\d{1,6}) of \\d{1,6}");

    private GroupSpread() {
    }

    /**
     * @param members per run, its best-epoch metrics and its test metrics (keys without the {@code test_}
     *                prefix; empty without a test part)
     */
    public static Map<String, Spread> of(List<Member> members) {
        TreeSet<String> keys = new TreeSet<>();
        for (Member member : members) {
            keys.addAll(member.best().keySet());
            member.test().keySet().forEach(key -> keys.add("test_" + key));
        }
        Map<String, Spread> spreads = new TreeMap<>();
        for (String key : keys) {
            List<Double> values = new ArrayList<>();
            for (Member member : members) {
                Double value = key.startsWith("test_") && !member.best().containsKey(key)
                        ? member.test().get(key.substring("test_".length())) : member.best().get(key);
                values.add(value == null ? Double.NaN : value);
            }
            Spread spread = Spread.of(values.stream().mapToDouble(Double::doubleValue).toArray());
            if (spread != null) {
                spreads.put(key, spread);
            }
        }
        return spreads;
    }

    /**
     * The group's records in member order ({@code repeat 1 of 3}, {@code repeat 2 of 3}, ...). Members are
     * created within the same millisecond, so creation time alone does not order them. A record without a
     * readable member number keeps its place after those with one.
     */
    public static List<me.adsby.workbench.storage.history.RunRecord> inMemberOrder(
            List<me.adsby.workbench.storage.history.RunRecord> records) {
        List<me.adsby.workbench.storage.history.RunRecord> sorted = new ArrayList<>(records);
        sorted.sort(java.util.Comparator.comparingInt(record -> memberNumber(record.params().get(MEMBER))));
        return sorted;
    }

    /** 2 for {@code repeat 2 of 3}; {@link Integer#MAX_VALUE} when the text names no number. */
    static int memberNumber(String member) {
        if (member == null) {
            return Integer.MAX_VALUE;
        }
        java.util.regex.Matcher matcher = MEMBER_NUMBER.matcher(member);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : Integer.MAX_VALUE;
    }

    /** A run's numbers as its record holds them. */
    public static Member member(me.adsby.workbench.storage.history.RunRecord record) {
        return new Member(record.run().id(), record.best().map(best -> best.metrics()).orElse(Map.of()),
                testEvaluation(record).map(test -> test.metrics()).orElse(Map.of()));
    }

    /** The evaluation on the run's test file or held-out test rows, when it has one and was scored. */
    public static java.util.Optional<me.adsby.workbench.storage.history.Evaluation> testEvaluation(
            me.adsby.workbench.storage.history.RunRecord record) {
        String test = record.params().get("test_data");
        if (test == null) {
            return java.util.Optional.empty();
        }
        return record.evaluations().stream().filter(e -> e.datasetUri().equals(test)
                && e.predictionsUri() != null && e.predictionsUri().endsWith("/eval/test/predictions.csv")).findFirst();
    }

    /** One run's numbers: its best epoch's metrics and its test metrics. */
    public record Member(String runId, Map<String, Double> best, Map<String, Double> test) {

        public Member {
            best = Map.copyOf(best);
            test = Map.copyOf(test);
        }
    }
}
