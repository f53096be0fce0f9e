package me.adsby.workbench.engine.publish;

import java.util.List;

/**
 * What the validation gate found: each threshold with its values, pass or fail and why.
 *
 * @param evaluatedOn       the examples: an evaluation dataset's URI, or the run's validation split
 * @param examples          how many
 * @param productionVersion the production version compared with, or null when there was none
 * @param checks            every threshold judged
 */
public record GateReport(String evaluatedOn, long examples, Long productionVersion, List<GateCheck> checks) {

    public GateReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(GateCheck::passed);
    }

    /** The report as lines for a terminal or a dialog. */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("Validation gate: ").append(passed() ? "PASSED" : "FAILED").append('\n');
        text.append("On ").append(evaluatedOn).append(", ").append(examples).append(" examples; ")
                .append(productionVersion == null ? "no production version yet: value thresholds only"
                        : "against production version " + productionVersion).append('\n');
        for (GateCheck check : checks) {
            text.append(check.passed() ? "  pass  " : "  FAIL  ").append(check.threshold()).append('\n')
                    .append("        ").append(check.values()).append('\n')
                    .append("        ").append(check.reason()).append('\n');
        }
        return text.toString();
    }
}
