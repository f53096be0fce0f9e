package me.adsby.workbench.storage.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a run trains. The id is what users type ({@code --target local-cpu}) and what settings store. */
public enum TrainingTarget {
    LOCAL_CPU("local-cpu", "Local CPU"),
    LOCAL_GPU("local-gpu", "Local GPU");

    private final String id;
    private final String displayName;

    TrainingTarget(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Parses an id such as {@code local-cpu}; the message of the exception lists the valid ids. */
    @JsonCreator
    public static TrainingTarget fromId(String id) {
        for (TrainingTarget target : values()) {
            if (target.id.equals(id)) {
                return target;
            }
        }
        throw new IllegalArgumentException("unknown training target '" + id + "'; expected one of "
                + Arrays.stream(values()).map(TrainingTarget::id).collect(Collectors.joining(", ")));
    }
}
