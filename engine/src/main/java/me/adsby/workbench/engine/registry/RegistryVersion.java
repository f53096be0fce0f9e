package me.adsby.workbench.engine.registry;

import java.util.List;

/**
 * A whole version of a registry model (its {@code saved_model.pb} is there).
 *
 * @param served whether {@code models.config} serves it (false: archived, or never added to the served set)
 * @param labels the labels that point at it
 * @param card   its model card, or null when it has none or it cannot be read
 */
public record RegistryVersion(long version, String uri, boolean served, List<String> labels, ModelCard card) {

    public RegistryVersion {
        labels = List.copyOf(labels);
    }
}
