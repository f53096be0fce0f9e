package me.adsby.workbench.storage.gcs.testing;

import java.util.Map;

/**
 * The {@code ifGenerationMatch}, {@code ifGenerationNotMatch}, {@code ifMetagenerationMatch} and
 * {@code ifMetagenerationNotMatch} query parameters (or their {@code ifSource...} forms for a copy's source).
 * Per Google's documentation, {@code ifGenerationMatch=0} means "only if no live object exists".
 */
record Preconditions(Long generationMatch, Long generationNotMatch, Long metagenerationMatch,
        Long metagenerationNotMatch) {

    static final Preconditions NONE = new Preconditions(null, null, null, null);

    static Preconditions target(Map<String, String> query) {
        return new Preconditions(number(query, "ifGenerationMatch"), number(query, "ifGenerationNotMatch"),
                number(query, "ifMetagenerationMatch"), number(query, "ifMetagenerationNotMatch"));
    }

    static Preconditions source(Map<String, String> query) {
        return new Preconditions(number(query, "ifSourceGenerationMatch"), number(query, "ifSourceGenerationNotMatch"),
                number(query, "ifSourceMetagenerationMatch"), number(query, "ifSourceMetagenerationNotMatch"));
    }

    /** Throws a 412 unless the conditions hold for {@code current} (null: no object). */
    void check(StoredObject current) {
        long generation = current == null ? 0 : current.generation();
        if (generationMatch != null && generationMatch != generation) {
            throw GcsHttpException.preconditionFailed();
        }
        if (generationNotMatch != null && generationNotMatch == generation) {
            throw GcsHttpException.preconditionFailed();
        }
        if (current == null) {
            if (metagenerationMatch != null) {
                throw GcsHttpException.preconditionFailed();
            }
            return;
        }
        if (metagenerationMatch != null && metagenerationMatch != current.metageneration()) {
            throw GcsHttpException.preconditionFailed();
        }
        if (metagenerationNotMatch != null && metagenerationNotMatch == current.metageneration()) {
            throw GcsHttpException.preconditionFailed();
        }
    }

    private static Long number(Map<String, String> query, String key) {
        String value = query.get(key);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw GcsHttpException.badRequest("Invalid value for " + key + ": " + value);
        }
    }
}
