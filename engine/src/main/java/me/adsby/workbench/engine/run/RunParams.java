package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The params a run's worker adds to the history once it has prepared its data: the split it resolved to, the
 * examples on each side, its notices ({@code notice 1}, {@code notice 2}, ...: leakage, a changed split) and
 * the columns left out of the model ({@code dropped COLUMN}: why).
 */
public final class RunParams {

    /** The prefix of notice params. */
    public static final String NOTICE = "notice ";

    /** The prefix of the params that say why a column was left out of the model. */
    public static final String DROPPED = "dropped ";

    private RunParams() {
    }

    /** The params of a {@link RunEvents#PREPARED} event. */
    static Map<String, String> ofPrepared(JsonNode prepared) {
        Map<String, String> params = new LinkedHashMap<>();
        if (prepared.hasNonNull("split")) {
            params.put("split_resolved", prepared.get("split").asText());
        }
        params.put("train_rows", prepared.path("train").asText());
        params.put("validation_rows", prepared.path("validation").asText());
        int number = 1;
        for (JsonNode notice : prepared.path("notices")) {
            params.put(NOTICE + number++, notice.asText());
        }
        JsonNode dropped = prepared.path("dropped_columns");
        if (dropped.isObject()) {
            dropped.fields().forEachRemaining(entry -> params.put(DROPPED + entry.getKey(), entry.getValue().asText()));
        }
        return params;
    }
}
