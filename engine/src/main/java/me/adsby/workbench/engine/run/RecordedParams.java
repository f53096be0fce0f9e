package me.adsby.workbench.engine.run;

import java.util.LinkedHashMap;
import java.util.Map;

/** The params a run records in the history: its recipe, data, hyperparameters, split and options, as text. */
final class RecordedParams {

    private RecordedParams() {
    }

    static Map<String, String> of(RunRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        var hp = request.hyperparameters();
        params.put("recipe", request.recipe().name().toLowerCase(java.util.Locale.ROOT));
        params.put("dataset", request.dataset());
        params.put("label", request.label());
        params.put("epochs", Integer.toString(hp.epochs()));
        params.put("batch_size", Integer.toString(hp.batchSize()));
        params.put("learning_rate", Float.toString(hp.learningRate()));
        params.put("embedding_size", Integer.toString(hp.embeddingSize()));
        params.put("hash_buckets", Integer.toString(hp.hashBuckets()));
        params.put("hidden_units", hp.hiddenUnits().toString());
        params.put("conv_filters", Integer.toString(hp.convFilters()));
        params.put("image_size", Integer.toString(hp.imageSize()));
        params.put("seed", Long.toString(hp.seed()));
        params.put("patience", Integer.toString(hp.patience()));
        params.put("validation_fraction", Double.toString(request.validationFraction()));
        params.put("split", request.split().describe());
        params.put("split_seed", Long.toString(request.split().seed()));
        params.put("select_by", request.selectBy().id());
        params.put("l2", Float.toString(hp.l2()));
        params.put("dropout", Float.toString(hp.dropout()));
        params.put("min_count", Integer.toString(hp.minCount()));
        params.put("cross_columns", Integer.toString(hp.crossColumns()));
        if (request.calibrate()) {
            params.put("calibrate", "platt");
        }
        if (request.split().testData() != null) {
            params.put("test_data", request.split().testData());
        }
        if (request.split().holdsOutTest()) {
            params.put("test_fraction", Double.toString(request.split().testFraction()));
            params.put("test_data", request.split().heldOutName(request.dataset()));
        }
        if (!request.exclude().isEmpty()) {
            params.put("exclude", String.join(",", request.exclude()));
        }
        return params;
    }
}
