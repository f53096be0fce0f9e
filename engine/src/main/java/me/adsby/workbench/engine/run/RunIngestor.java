package me.adsby.workbench.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.history.Artifact;
import me.adsby.workbench.storage.history.MetricPoint;
import me.adsby.workbench.storage.history.Run;
import me.adsby.workbench.storage.history.RunHistory;
import me.adsby.workbench.storage.history.RunStatus;

/**
 * Carries a run's new events into the history: epoch metrics as metric points (and the best epoch's as the
 * run's headline metrics), state events as status moves,
 * artifacts as artifact rows, and the last progress for the screens. Idempotent: it reads after the history's
 * watermark, and the points and the new watermark are stored in one transaction.
 */
final class RunIngestor {

    private final RunHistory history;
    private final Map<String, RunProgress> progress = new ConcurrentHashMap<>();

    RunIngestor(RunHistory history) {
        this.history = history;
    }

    /** Ingests what the run wrote since the last time; returns whether anything new came. */
    synchronized boolean ingest(String runId, BlobStore store, RunDirectory directory) throws IOException {
        long watermark = Math.max(0, history.eventWatermark(runId));
        List<RunEvent> events = new EventReader(store, directory).readAfter(watermark);
        if (events.isEmpty()) {
            return false;
        }
        List<MetricPoint> points = new ArrayList<>();
        List<JsonNode> states = new ArrayList<>();
        int bestEpoch = 0;
        Map<String, Double> bestMetrics = Map.of();
        for (RunEvent event : events) {
            switch (event.type()) {
                case RunEvents.STATE -> states.add(event.data());
                case RunEvents.EPOCH -> {
                    int epoch = event.data().get("epoch").asInt();
                    Map<String, Double> values = new java.util.TreeMap<>();
                    for (String key : RunEvents.EPOCH_METRICS) {
                        double value = RunEvents.number(event.data(), key);
                        if (!Double.isNaN(value)) {
                            points.add(new MetricPoint(key, epoch, epoch, value, event.time()));
                            values.put(key, value);
                        }
                    }
                    if (event.data().path("best").asBoolean(false)) {
                        bestEpoch = epoch;
                        bestMetrics = values;
                    }
                    progress.merge(runId, RunProgress.epoch(epoch), RunProgress::then);
                }
                case RunEvents.PROGRESS -> progress.merge(runId, RunProgress.of(event.data()), RunProgress::then);
                case RunEvents.PREPARED -> {
                    progress.merge(runId, RunProgress.prepared(event.data()), RunProgress::then);
                    history.putParams(runId, RunParams.ofPrepared(event.data()));
                }
                case RunEvents.ARTIFACT -> artifact(runId, store, event.data());
                case RunEvents.TEST -> test(runId, event.data());
                default -> { }
            }
        }
        // Metrics first (idempotent), then status moves, then the watermark: whoever sees a finished run sees
        // its metrics, and a crash in between only repeats steps that change nothing the second time.
        history.addMetrics(runId, points);
        if (bestEpoch > 0) {
            history.putBestEpoch(runId, bestEpoch, bestMetrics);
        }
        states.forEach(state -> moveTo(runId, state));
        history.ingestEvents(runId, events.get(events.size() - 1).seq(), List.of());
        return true;
    }

    /** What the run's events said last about its progress. */
    RunProgress progress(String runId) {
        return progress.getOrDefault(runId, RunProgress.NONE);
    }

    void forget(String runId) {
        progress.remove(runId);
    }

    private void moveTo(String runId, JsonNode data) {
        RunStatus target = RunStatus.valueOf(data.get("status").asText());
        Run run = history.run(runId);
        if (run.status() == target || !run.status().canMoveTo(target)) {
            return;  // seen before (events re-read after a crash), or a move the history already made otherwise
        }
        String error = data.hasNonNull("error") ? data.get("error").asText() : null;
        history.transition(runId, run.status(), target, error);
    }

    /** The test file's scores as an evaluation of the run, once (events read again after a crash add nothing). */
    private void test(String runId, JsonNode data) {
        String predictions = data.get("predictions").asText();
        boolean known = history.record(runId).evaluations().stream().anyMatch(e -> predictions.equals(e.predictionsUri()));
        if (!known) {
            Map<String, Double> metrics = new java.util.TreeMap<>();
            data.get("metrics").fields().forEachRemaining(entry -> metrics.put(entry.getKey(), entry.getValue().asDouble()));
            history.addEvaluation(runId, data.get("dataset").asText(), predictions, metrics);
        }
    }

    private void artifact(String runId, BlobStore store, JsonNode data) throws IOException {
        if (data.hasNonNull("calibration")) {
            history.putParams(runId, Map.of("calibration", data.get("calibration").asText()));
        }
        BlobUri uri = BlobUri.parse(data.get("uri").asText());
        Long size = store.stat(uri).map(info -> info.size()).orElse(null);
        history.putArtifact(runId, new Artifact(data.get("kind").asText(), uri.toString(), size, null));
    }
}
