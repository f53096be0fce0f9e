package me.adsby.workbench.storage.history;

import java.time.Instant;

/**
 * One line of the registry's audit log.
 *
 * @param version the version acted on, or null when the action concerns none
 * @param details free text: the reason of an override, the label and previous version of a move
 */
public record RegistryAuditEntry(long id, Instant at, String actor, RegistryAction action, String registry, String model,
        Long version, String details) {
}
