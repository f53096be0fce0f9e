package me.adsby.workbench.engine.registry;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One model's entry of {@code models.config}: where its versions are, the versions TF Serving serves
 * ({@code model_version_policy { specific { ... } }}) and its version labels. Immutable.
 *
 * @param name     the model's name
 * @param basePath the model's folder: an absolute path or a {@code gs://} URI
 * @param versions the served versions
 * @param labels   label to version; every labelled version is served
 */
public record ModelConfig(String name, String basePath, SortedSet<Long> versions, SortedMap<String, Long> labels) {

    /** The only platform this registry writes. */
    public static final String PLATFORM = "tensorflow";

    public ModelConfig {
        ModelNames.check(name);
        Objects.requireNonNull(basePath, "basePath");
        versions = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(versions));
        labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        for (Map.Entry<String, Long> label : labels.entrySet()) {
            if (!versions.contains(label.getValue())) {
                throw new IllegalArgumentException("Model " + name + ": label " + label.getKey() + " points at version "
                        + label.getValue() + ", which is not served " + versions);
            }
        }
        for (long version : versions) {
            if (version < 1) {
                throw new IllegalArgumentException("Model " + name + ": version " + version + " is not a positive number");
            }
        }
    }

    /** This entry with {@code version} served. */
    public ModelConfig withVersion(long version) {
        SortedSet<Long> more = new TreeSet<>(versions);
        more.add(version);
        return new ModelConfig(name, basePath, more, labels);
    }

    /** This entry without {@code version} (which no label may point at). */
    public ModelConfig withoutVersion(long version) {
        SortedSet<Long> fewer = new TreeSet<>(versions);
        fewer.remove(version);
        return new ModelConfig(name, basePath, fewer, labels);
    }

    /** This entry with {@code label} on {@code version}, which becomes served. */
    public ModelConfig withLabel(String label, long version) {
        SortedSet<Long> more = new TreeSet<>(versions);
        more.add(version);
        SortedMap<String, Long> moved = new TreeMap<>(labels);
        moved.put(label, version);
        return new ModelConfig(name, basePath, more, moved);
    }
}
