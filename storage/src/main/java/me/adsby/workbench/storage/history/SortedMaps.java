package me.adsby.workbench.storage.history;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Unmodifiable copies of maps, sorted by key, so records print, compare and iterate the same way every time. */
final class SortedMaps {

    private SortedMaps() {
    }

    /** A sorted, unmodifiable copy; null keys and values are refused, as {@link Map#copyOf} does. */
    static <V> Map<String, V> copyOf(Map<String, V> map) {
        map.forEach((key, value) -> Objects.requireNonNull(value, () -> "no value for " + key));
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
