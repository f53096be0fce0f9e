package me.adsby.workbench.engine.registry;

import java.time.Instant;

/**
 * One move of a label, as {@code <registry>/<model>/labels.json} keeps it.
 *
 * @param action   {@code label}, {@code override} or {@code rollback}
 * @param previous the version the label pointed at before, or null
 * @param reason   why (an override's reason), or null
 */
public record LabelEvent(String action, String label, long version, Long previous, String by, Instant at, String reason) {
}
