package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How far a run has come, from its last events: the phase, the fraction of preparation done, and the last
 * finished epoch. Immutable.
 *
 * @param phase        {@code queued}, {@code prepare} or {@code train}
 * @param prepareDone  preparation's fraction done in [0, 1], or -1 when unknown
 * @param epoch        the last finished epoch, 0 before the first
 */
public record RunProgress(String phase, double prepareDone, int epoch) {

    public static final RunProgress NONE = new RunProgress("queued", -1, 0);

    static RunProgress of(JsonNode data) {
        long done = data.get("done").asLong();
        long total = data.get("total").asLong();
        return new RunProgress(data.get("phase").asText(), total > 0 ? Math.min(1.0, (double) done / total) : -1, 0);
    }

    static RunProgress prepared(JsonNode data) {
        return new RunProgress("train", 1, 0);
    }

    static RunProgress epoch(int epoch) {
        return new RunProgress("train", 1, epoch);
    }

    /** This progress, then a later one: the later phase, the furthest epoch. */
    RunProgress then(RunProgress later) {
        return new RunProgress(later.phase, later.prepareDone >= 0 ? later.prepareDone : prepareDone,
                Math.max(epoch, later.epoch));
    }

    /** The share of the whole run done, preparation counted as one epoch's worth; -1 while unknown. */
    public double fraction(int epochs) {
        if (phase.equals("queued")) {
            return -1;
        }
        double prepared = Math.max(0, prepareDone);
        return Math.min(1.0, (prepared + epoch) / (epochs + 1.0));
    }
}
