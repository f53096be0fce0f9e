package me.adsby.workbench.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Writes a command's result as one pretty-printed JSON document on standard output. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private JsonOutput() {
    }

    /** The value's JSON fields with {@code more} added (replacing fields of the same names). */
    static com.fasterxml.jackson.databind.node.ObjectNode merged(Object value, java.util.Map<String, Object> more) {
        com.fasterxml.jackson.databind.node.ObjectNode tree = MAPPER.valueToTree(value);
        more.forEach((key, field) -> tree.set(key, MAPPER.valueToTree(field)));
        return tree;
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write the result as JSON", e);
        }
    }
}
