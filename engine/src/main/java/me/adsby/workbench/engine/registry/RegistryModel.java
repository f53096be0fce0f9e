package me.adsby.workbench.engine.registry;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What the registry holds of one model.
 *
 * @param versions          its whole versions, oldest first
 * @param served            the versions {@code models.config} serves
 * @param labels            label to version
 * @param productionHistory the versions {@code production} pointed at, oldest first, rollbacks undone
 * @param labelEvents       every move of a label, oldest first
 * @param incomplete        version folders without {@code saved_model.pb}: publishes that stopped, or are under way
 */
public record RegistryModel(String name, List<RegistryVersion> versions, SortedSet<Long> served, SortedMap<String, Long> labels,
        List<Long> productionHistory, List<LabelEvent> labelEvents, List<Long> incomplete) {
}
