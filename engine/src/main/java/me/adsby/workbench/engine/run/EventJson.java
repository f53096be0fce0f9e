package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** An event as one JSON line: {@code {"seq":1,"time":"2026-...Z","type":"epoch","data":{...}}}. */
final class EventJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private EventJson() {
    }

    static ObjectNode toJson(RunEvent event) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("seq", event.seq());
        line.put("time", event.time().toString());
        line.put("type", event.type());
        line.set("data", event.data());
        return line;
    }

    /** Parses one line; the message of the exception says what is wrong (the caller adds where). */
    static RunEvent fromJson(String text) {
        JsonNode line;
        try {
            line = MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode seq = line.get("seq");
        JsonNode time = line.get("time");
        JsonNode type = line.get("type");
        if (seq == null || !seq.canConvertToLong() || time == null || !time.isTextual() || type == null
                || !type.isTextual()) {
            throw new IllegalArgumentException("an event needs a numeric seq, a time and a type");
        }
        try {
            JsonNode data = line.has("data") ? line.get("data") : MAPPER.createObjectNode();
            return new RunEvent(seq.asLong(), Instant.parse(time.asText()), type.asText(), data);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + time.asText() + "' is not an ISO-8601 instant", e);
        }
    }
}
