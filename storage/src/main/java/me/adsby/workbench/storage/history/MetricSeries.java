package me.adsby.workbench.storage.history;

import java.util.List;

/** The points of one metric of one run, by step. */
public record MetricSeries(String runId, String key, List<MetricPoint> points) {

    public MetricSeries {
        points = List.copyOf(points);
    }
}
