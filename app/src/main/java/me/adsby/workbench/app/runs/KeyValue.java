package me.adsby.workbench.app.runs;

/** One line of the run page's parameters and provenance. */
public record KeyValue(String key, String value) {
}
