package me.adsby.workbench.engine.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import me.adsby.workbench.engine.eval.Predictions;
import me.adsby.workbench.storage.blob.BlobInfo;

/**
 * Exactly which rows a registry version was judged on, so that every later candidate is judged on the same
 * ones: a dataset, what it was when they were read (its generation, size and MD5), and either every row or a
 * set of row numbers (1 = the first data row; a run's validation rows). Kept in the version's model card as
 * {@code evaluation_rows}, the row numbers beside it in {@value #ROWS_FILE}, one per line.
 *
 * @param dataset     the dataset's URI
 * @param generation  its generation when judged
 * @param size        its size in bytes then
 * @param md5         its MD5 then, or null where the store keeps none
 * @param description what the rows are, in words: {@code every row} or {@code the validation rows of run r-…}
 * @param rows        the row numbers, or null for every row
 */
public record EvaluationRows(String dataset, long generation, long size, String md5, String description,
        SortedSet<Long> rows) {

    /** The rows file's place in a version's folder. */
    public static final String ROWS_FILE = "assets.extra/evaluation_rows.txt";

    public EvaluationRows {
        rows = rows == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(rows));
    }

    /** Every row of the dataset as it is now. */
    static EvaluationRows all(BlobInfo dataset) {
        return new EvaluationRows(dataset.uri().toString(), dataset.generation(), dataset.size(), dataset.md5(), "every row",
                null);
    }

    /** The rows whose keys (row numbers) the predictions hold, of the dataset as it is now. */
    static EvaluationRows keysOf(BlobInfo dataset, Predictions predictions, String description) {
        List<String> keys = predictions.keys().orElseThrow(() -> new IllegalArgumentException("the predictions of "
                + description + " have no row keys, so their rows cannot be recorded"));
        SortedSet<Long> rows = new TreeSet<>();
        for (String key : keys) {
            rows.add(Long.parseLong(key));
        }
        return new EvaluationRows(dataset.uri().toString(), dataset.generation(), dataset.size(), dataset.md5(), description,
                rows);
    }

    /** {@code 110 rows of /data/ads.csv (the validation rows of run r-…)}. */
    public String describe() {
        return (rows == null ? "every row" : rows.size() + " rows") + " of " + dataset
                + (rows == null ? "" : " (" + description + ")");
    }

    /** Why the dataset is no longer what it was when these rows were read, if it is not. */
    Optional<String> changedSince(BlobInfo now) {
        if (now.generation() == generation && now.size() == size) {
            return Optional.empty();
        }
        return Optional.of(dataset + " changed since (generation " + generation + ", " + size + " bytes; now generation "
                + now.generation() + ", " + now.size() + " bytes)");
    }

    /**
     * The predictions of these rows alone, in the predictions' order; all of them when every row counts.
     *
     * @throws IllegalArgumentException when a recorded row has no prediction (it was skipped as bad)
     */
    Predictions restrict(Predictions predictions) {
        if (rows == null) {
            return predictions;
        }
        List<String> keys = predictions.keys().orElseThrow(() -> new IllegalArgumentException(
                "predictions without row keys cannot be matched to the recorded rows"));
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            index.put(Long.parseLong(keys.get(i)), i);
        }
        List<Integer> kept = new ArrayList<>(rows.size());
        for (long row : rows) {
            Integer at = index.get(row);
            if (at == null) {
                throw new IllegalArgumentException("row " + row + " of " + dataset + ", one of the rows judged on, has no"
                        + " prediction (it was skipped as a bad row)");
            }
            kept.add(at);
        }
        return predictions.subset(kept.stream().mapToInt(Integer::intValue).toArray());
    }

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("dataset", dataset).put("generation", generation).put("size", size).put("md5", md5)
                .put("description", description);
        if (rows == null) {
            json.put("rows", "all");
        } else {
            json.put("rows", ROWS_FILE).put("row_count", rows.size());
        }
        return json;
    }

    /**
     * The rows a card records, reading the row numbers from the version's local copy.
     *
     * @throws IOException when the card names a rows file the copy lacks or that holds other than numbers
     */
    static EvaluationRows fromJson(JsonNode json, Path version) throws IOException {
        SortedSet<Long> rows = null;
        if (!json.path("rows").asText().equals("all")) {
            Path file = version.resolve(ROWS_FILE);
            rows = new TreeSet<>();
            int line = 0;
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                line++;
                try {
                    rows.add(Long.parseLong(text.strip()));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ":" + line + ": '" + text + "' is not a row number");
                }
            }
            if (rows.size() != json.path("row_count").asInt(-1)) {
                throw new IOException(file + " holds " + rows.size() + " rows, the card says " + json.path("row_count"));
            }
        }
        return new EvaluationRows(json.path("dataset").asText(), json.path("generation").asLong(), json.path("size").asLong(),
                json.path("md5").isNull() ? null : json.path("md5").asText(null), json.path("description").asText(), rows);
    }

    /** Writes the row numbers into a version's folder before it is published (nothing for every row). */
    void writeRowsFile(Path version) throws IOException {
        if (rows == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(row).append('\n'));
        Path file = version.resolve(ROWS_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
