package me.adsby.workbench.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * What a registry version is, kept beside it as {@code assets.extra/model_card.json}: where it came from, how
 * it scored and who published it. The caller fills what it knows; {@link Registry#addVersion} stamps the model,
 * the version, the publisher and the time.
 *
 * @param model             the registry model
 * @param version           the version number
 * @param sourceRunId       the run that trained it, or null
 * @param publishedBy       the user who published it
 * @param publishedAt       when
 * @param evaluationDataset the dataset the metrics were measured on, or null
 * @param metrics           the metrics with their intervals, as the caller shapes them (any JSON), or null
 * @param provenance        dataset hash, seed, versions, host (any JSON), or null
 * @param parameters        the run's parameters
 * @param validation        the validation gate's report (any JSON), or null
 * @param evaluationRows    exactly which rows of the evaluation dataset it was judged on (the publisher's
 *                          {@code EvaluationRows}), or null in cards written before versions kept them
 */
public record ModelCard(String model, long version, String sourceRunId, String publishedBy, Instant publishedAt,
        String evaluationDataset, JsonNode metrics, JsonNode provenance, Map<String, String> parameters, JsonNode validation,
        JsonNode evaluationRows) {

    /** The card's place in a version's folder. */
    public static final String FILE = "assets.extra/model_card.json";

    public ModelCard {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A card for {@link Registry#addVersion}, before the registry stamps it, without recorded rows. */
    public static ModelCard of(String sourceRunId, String evaluationDataset, JsonNode metrics, JsonNode provenance,
            Map<String, String> parameters, JsonNode validation) {
        return of(sourceRunId, evaluationDataset, metrics, provenance, parameters, validation, null);
    }

    /** A card for {@link Registry#addVersion}, before the registry stamps it. */
    public static ModelCard of(String sourceRunId, String evaluationDataset, JsonNode metrics, JsonNode provenance,
            Map<String, String> parameters, JsonNode validation, JsonNode evaluationRows) {
        return new ModelCard(null, 0, sourceRunId, null, null, evaluationDataset, metrics, provenance, parameters, validation,
                evaluationRows);
    }

    /** This card stamped with where and when it was published, and by whom. */
    public ModelCard published(String model, long version, String by, Instant at) {
        return new ModelCard(model, version, sourceRunId, by, at, evaluationDataset, metrics, provenance, parameters, validation,
                evaluationRows);
    }
}
