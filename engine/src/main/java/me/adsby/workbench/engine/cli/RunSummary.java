package me.adsby.workbench.engine.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import me.adsby.workbench.engine.run.RunParams;
import me.adsby.workbench.storage.history.Evaluation;
import me.adsby.workbench.storage.history.RunRecord;

/**
 * The {@code --json} shape of a run's outcome ({@code train}, {@code runs show}): its best epoch and that epoch's
 * metrics (the exported model's), the last epoch's metrics apart, the split it trained on, the columns left out of
 * the model, its notices and its test scores.
 */
final class RunSummary {

    private RunSummary() {
    }

    static Map<String, Object> of(RunRecord record) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run_id", record.run().id());
        result.put("status", record.run().status().name());
        result.put("run_dir", record.run().runDirectory());
        result.put("best_epoch", record.best().map(best -> (Object) best.epoch()).orElse(null));
        result.put("select_by", record.params().get("select_by"));
        result.put("best_metrics", record.best().map(best -> (Object) best.metrics()).orElse(Map.of()));
        result.put("final_metrics", record.finalMetrics());
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("requested", record.params().get("split"));
        split.put("resolved", record.params().get("split_resolved"));
        split.put("seed", number(record.params().get("split_seed")));
        split.put("validation_fraction", number(record.params().get("validation_fraction")));
        split.put("train_rows", number(record.params().get("train_rows")));
        split.put("validation_rows", number(record.params().get("validation_rows")));
        result.put("split", split);
        Map<String, String> dropped = new TreeMap<>();
        Map<String, String> notices = new TreeMap<>();
        record.params().forEach((key, value) -> {
            if (key.startsWith(RunParams.DROPPED)) {
                dropped.put(key.substring(RunParams.DROPPED.length()), value);
            } else if (key.startsWith(RunParams.NOTICE)) {
                notices.put(key, value);
            }
        });
        result.put("dropped_columns", dropped);
        result.put("notices", notices.values());
        testEvaluation(record).ifPresent(test -> {
            result.put("test_data", test.datasetUri());
            result.put("test_metrics", test.metrics());
        });
        if (record.run().error() != null) {
            result.put("error", record.run().error());
        }
        return result;
    }

    /** The evaluation on the run's test file or held-out test rows, when it has one and was scored. */
    static Optional<Evaluation> testEvaluation(RunRecord record) {
        return me.adsby.workbench.engine.compare.GroupSpread.testEvaluation(record);
    }

    private static Object number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.contains(".") ? (Object) Double.parseDouble(text) : (Object) Long.parseLong(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
