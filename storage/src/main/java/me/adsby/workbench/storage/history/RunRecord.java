package me.adsby.workbench.storage.history;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the history holds about one run except its metric series (see {@link RunHistory#series}).
 *
 * @param finalMetrics   the value at the highest step of each metric: the last epoch's, not the exported model's
 * @param best           the best epoch and its metrics (the exported model's), empty before the first epoch
 * @param eventWatermark the sequence number of the last event ingested, -1 when none
 */
public record RunRecord(Run run, Map<String, String> params, Map<String, String> tags, Optional<Provenance> provenance,
        List<Artifact> artifacts, List<Evaluation> evaluations, Map<String, Double> finalMetrics, Optional<BestEpoch> best,
        long eventWatermark) {

    public RunRecord {
        params = SortedMaps.copyOf(params);
        tags = SortedMaps.copyOf(tags);
        artifacts = List.copyOf(artifacts);
        evaluations = List.copyOf(evaluations);
        finalMetrics = SortedMaps.copyOf(finalMetrics);
        best = best == null ? Optional.empty() : best;
    }
}
