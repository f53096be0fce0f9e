package me.adsby.workbench.engine.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The distinct categorical values of a preparation, each with its index in order of first use. Not thread-safe. */
final class StringTable {

    private final Map<String, Integer> indices = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    int indexOf(String value) {
        Integer index = indices.get(value);
        if (index == null) {
            index = values.size();
            indices.put(value, index);
            values.add(value);
        }
        return index;
    }

    List<String> values() {
        return List.copyOf(values);
    }
}
