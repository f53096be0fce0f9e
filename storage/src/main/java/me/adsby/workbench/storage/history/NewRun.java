package me.adsby.workbench.storage.history;

import java.util.Map;
import java.util.Objects;
import me.adsby.workbench.storage.settings.TrainingTarget;

/**
 * What a new run is made of, before the history gives it an id and puts it in QUEUED.
 *
 * @param name         the name shown in the runs table
 * @param experiment   the experiment's name, created on first use; null means {@value #DEFAULT_EXPERIMENT}
 * @param target       where it trains
 * @param runDirectory the run directory's URI ({@code gs://bucket/path} or an absolute path); {@link #RUN_ID} in it
 *                     stands for the id the history gives the run
 * @param recipe       the model recipe ({@code tabular}, {@code image}, {@code multimodal}), or null
 * @param params       the run's parameters as text (learning rate, batch size, ...)
 */
public record NewRun(String name, String experiment, TrainingTarget target, String runDirectory, String recipe,
        Map<String, String> params) {

    public static final String DEFAULT_EXPERIMENT = "Default";
    /** In {@code runDirectory}, stands for the run's id, which the history chooses: {@code /home/runs/{id}}. */
    public static final String RUN_ID = "{id}";

    public NewRun {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(runDirectory, "runDirectory");
        experiment = experiment == null || experiment.isBlank() ? DEFAULT_EXPERIMENT : experiment;
        params = SortedMaps.copyOf(params == null ? Map.of() : params);
    }
}
