package me.adsby.workbench.engine.publish;

/**
 * One threshold of the gate, judged.
 *
 * @param threshold the threshold, in words ({@code auc >= 0.6000})
 * @param values    the values it was judged on, in words
 * @param passed    whether it passed
 * @param reason    why it passed or failed
 */
public record GateCheck(String threshold, String values, boolean passed, String reason) {
}
