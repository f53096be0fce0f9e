package me.adsby.workbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import me.adsby.workbench.engine.input.FeatureSpec;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

class CategoryVocabularyTest {

    @Test
    void valuesSeenAtLeastMinCountTimesAreFrequentMostFrequentFirstAndTheEmptyValueNever() {
        Map<String, Long> first = Map.of("x", 3L, "y", 2L, "w", 2L, "z", 1L, "", 5L);
        CategoryVocabulary vocabulary = CategoryVocabulary.of(List.of(first, Map.of("p", 1L)), 2);

        // x (3) first, then the tie w, y (2) by value; z (1) is rare; "" is missing, never frequent.
        assertThat(vocabulary.frequent()).containsExactly(List.of("x", "w", "y"), List.of());
        // Column 0: rare, missing and 3 values = 5 rows; column 1: rare and missing = 2, from row 5.
        assertThat(vocabulary.rows(0)).isEqualTo(5);
        assertThat(vocabulary.offset(1)).isEqualTo(5);
        assertThat(vocabulary.totalRows()).isEqualTo(7);
        assertThat(CategoryVocabulary.hashed().isHashed()).isTrue();
        assertThatThrownBy(() -> CategoryVocabulary.of(List.of(first), 0)).hasMessageContaining("minCount");
    }

    @Test
    void aColumnKeepsItsMostFrequentValuesUpToTheCap() {
        Map<String, Long> many = new HashMap<>();
        for (int i = 0; i <= CategoryVocabulary.MAX_PER_COLUMN; i++) {
            many.put("v" + i, i == 7 ? 2L : 3L);
        }
        CategoryVocabulary vocabulary = CategoryVocabulary.of(List.of(many), 2);
        // One value too many: the only one seen twice (v7) is the one left out.
        assertThat(vocabulary.frequent().get(0)).hasSize(CategoryVocabulary.MAX_PER_COLUMN).doesNotContain("v7");
    }

    @Test
    void theGraphGivesEachFrequentValueItsOwnRowAndRareAndMissingValuesTheirColumnsShared() {
        CategoryVocabulary vocabulary = new CategoryVocabulary(List.of(List.of("x", "y"), List.of("x")), 2);
        String[] cells = {
            "x", "x",
            "y", "y",
            "z", "",
            "", "never seen",
            "z2", "x",
        };
        long[] rows = rows(vocabulary, cells);
        // Column 0 owns rows 0..3 (rare 0, missing 1, x and y at 2 and 3 in fingerprint order); column 1 rows 4..6.
        long x0 = rows[0];
        long y0 = rows[2];
        assertThat(List.of(x0, y0)).containsExactlyInAnyOrder(2L, 3L);
        assertThat(rows[4]).as("an unseen value of column 0").isEqualTo(0);
        assertThat(rows[8]).as("another unseen value of column 0").isEqualTo(0);
        assertThat(rows[6]).as("missing in column 0").isEqualTo(1);
        assertThat(rows[1]).as("x in column 1").isEqualTo(6).isEqualTo(rows[9]);
        assertThat(rows[3]).as("y is rare in column 1").isEqualTo(4);
        assertThat(rows[7]).as("an unseen value of column 1").isEqualTo(4);
        assertThat(rows[5]).as("missing in column 1").isEqualTo(5);
    }

    @Test
    void withoutAVocabularyEachColumnHashesIntoItsOwnBuckets() {
        long[] rows = rows(CategoryVocabulary.hashed(), new String[] {"x", "x", "z", ""});
        long buckets = Hyperparameters.defaults(Recipe.TABULAR).hashBuckets();
        assertThat(rows[0]).isBetween(0L, buckets - 1);
        assertThat(rows[1]).isEqualTo(rows[0] + buckets);
        assertThat(rows[2]).isBetween(0L, buckets - 1);
        assertThat(rows[3]).isBetween(buckets, 2 * buckets - 1);
    }

    /** The table rows NetworkInputs gives {@code cells}, two columns per example. */
    private static long[] rows(CategoryVocabulary vocabulary, String[] cells) {
        FeatureSpec spec = new FeatureSpec(List.of(), List.of("c0", "c1"), null, "clicked", 0);
        ModelDefinition definition = new ModelDefinition(Recipe.TABULAR, spec, Hyperparameters.defaults(Recipe.TABULAR),
                NumericStats.identity(0), new LabelPrior(0.5), vocabulary);
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TString> input = tf.placeholder(TString.class, Placeholder.shape(Shape.of(-1, 2)));
            Operand<TInt64> output = new NetworkInputs(tf, definition).categoryRows(input);
            try (Session session = new Session(graph);
                 TString fed = TString.tensorOf(Shape.of(cells.length / 2, 2), DataBuffers.ofObjects(cells));
                 TInt64 result = (TInt64) session.runner().feed(input, fed).fetch(output).run().get(0)) {
                long[] rows = new long[cells.length];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = result.getLong(i / 2, i % 2);
                }
                return rows;
            }
        }
    }
}
