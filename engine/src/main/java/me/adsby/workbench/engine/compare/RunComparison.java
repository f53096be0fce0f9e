package me.adsby.workbench.engine.compare;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of comparing runs: each run with its metrics, intervals and differences to the baseline, and
 * the parameters whose values differ between them.
 *
 * @param request          what was asked
 * @param runs             in the request's order
 * @param differingParams  parameter -> run id -> value (absent for a run without it), only where they differ
 */
public record RunComparison(ComparisonRequest request, List<ComparedRun> runs,
                            Map<String, Map<String, String>> differingParams) {

    public RunComparison {
        runs = List.copyOf(runs);
        differingParams = Map.copyOf(differingParams);
    }

    public ComparedRun baseline() {
        return run(request.baselineId()).orElseThrow();
    }

    public Optional<ComparedRun> run(String id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
