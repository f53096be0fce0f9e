package me.adsby.workbench.engine.publish;

/**
 * A publish that happened.
 *
 * @param model      the registry model
 * @param version    the version added
 * @param label      the label moved to it, or null
 * @param report     the validation gate's report
 * @param overridden whether the gate failed and a person overrode it
 */
public record PublishResult(String model, long version, String label, GateReport report, boolean overridden) {
}
