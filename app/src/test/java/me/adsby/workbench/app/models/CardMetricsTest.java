package me.adsby.workbench.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CardMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aMetricIsReadAsANumberOrWithItsIntervalInTheShapesPublishersWrite() throws Exception {
        assertThat(CardMetrics.text(json("{\"auc\": 0.71}"), "auc")).isEqualTo("0.7100");
        assertThat(CardMetrics.text(json("{\"auc\": {\"value\": 0.71, \"lower\": 0.69, \"upper\": 0.73}}"), "auc"))
                .isEqualTo("0.7100 [0.6900, 0.7300]");
        assertThat(CardMetrics.text(json("{\"log_loss\": {\"value\": 0.5, \"interval\": [0.48, 0.52]}}"), "log_loss"))
                .isEqualTo("0.5000 [0.4800, 0.5200]");
        assertThat(CardMetrics.text(json("{\"auc\": {\"value\": 0.6, \"interval\": {\"low\": 0.5, \"high\": 0.7}}}"), "auc"))
                .isEqualTo("0.6000 [0.5000, 0.7000]");
        assertThat(CardMetrics.text(json("{\"validation\": {\"auc\": {\"value\": 0.8}}}"), "auc")).isEqualTo("0.8000");
    }

    @Test
    void aMissingOrUnreadableMetricIsEmpty() throws Exception {
        assertThat(CardMetrics.text(null, "auc")).isEmpty();
        assertThat(CardMetrics.text(json("{\"auc\": null}"), "auc")).isEmpty();
        assertThat(CardMetrics.text(json("{\"auc\": \"high\"}"), "auc")).isEmpty();
        assertThat(CardMetrics.text(json("{\"log_loss\": 0.5}"), "auc")).isEmpty();
        assertThat(CardMetrics.read(json("{\"auc\": {\"value\": 0.7}}"), "auc").orElseThrow().hasInterval()).isFalse();
    }
}
