package me.adsby.workbench.engine.input;

import java.io.IOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads and writes the {@link CacheTrailer} as UTF-8 JSON. */
final class CacheJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CacheJson() {
    }

    static byte[] write(CacheTrailer trailer) throws IOException {
        return MAPPER.writeValueAsBytes(trailer);
    }

    static CacheTrailer read(byte[] json) throws IOException {
        return MAPPER.readValue(json, CacheTrailer.class);
    }
}
