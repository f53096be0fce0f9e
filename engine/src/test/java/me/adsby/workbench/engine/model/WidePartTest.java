package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import me.adsby.workbench.engine.input.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.op.Ops;

class WidePartTest {

    private static final FeatureSpec SPEC = new FeatureSpec(List.of("x"), List.of("a", "b", "c"), null, "clicked", 0);

    /** The crosses' weight table, when the graph of {@code hyperparameters} has one. */
    private static long[] crossesShape(Hyperparameters hyperparameters) {
        ModelDefinition definition = new ModelDefinition(Recipe.LOGISTIC, SPEC, hyperparameters, NumericStats.identity(1),
                new LabelPrior(0.2));
        try (Graph graph = new Graph()) {
            CtrNetwork.buildForTraining(Ops.create(graph), definition);
            GraphOperation table = graph.operation("wide_crosses_w");
            return table == null ? null : table.output(0).shape().asArray();
        }
    }

    @Test
    void theRecipesCrossNothingAndAskedForTheyCrossEveryPairOfTheFirstColumns() {
        Hyperparameters defaults = Hyperparameters.defaults(Recipe.LOGISTIC);
        assertThat(defaults.crossColumns()).isZero();
        assertThat(crossesShape(defaults)).isNull();
        // The first 3 columns give 3 pairs (ab, ac, bc), each with its own hashBuckets rows.
        assertThat(crossesShape(defaults.withCrossColumns(3))).containsExactly(3L * defaults.hashBuckets(), 1L);
        // Asking for more columns than there are crosses those there are.
        assertThat(crossesShape(defaults.withCrossColumns(8))).containsExactly(3L * defaults.hashBuckets(), 1L);
    }

    @Test
    void hyperparametersRecordedBeforeTheChoiceCrossedEightColumns() throws Exception {
        String json = "{\"epochs\":1,\"batchSize\":8,\"learningRate\":0.01,\"embeddingSize\":4,\"hashBuckets\":16,"
                + "\"hiddenUnits\":[4],\"convFilters\":2,\"imageSize\":16,\"seed\":1,\"patience\":1}";
        Hyperparameters old = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Hyperparameters.class);
        assertThat(old.crossColumns()).isEqualTo(Hyperparameters.LEGACY_CROSS_COLUMNS);
        assertThat(old.minCount()).isZero();
    }
}
