package me.adsby.workbench.storage.history;

import java.time.Instant;
import me.adsby.workbench.storage.settings.TrainingTarget;

/**
 * One run as the history has it.
 *
 * @param id           sortable id such as {@code r-20261126-101530-ab12} (see {@link RunIds})
 * @param started      when the run first began RUNNING (kept across resumes), or null
 * @param finished     when it last stopped (SUCCEEDED, FAILED, CANCELLED, INTERRUPTED), or null; cleared on resume
 * @param error        why it failed or was interrupted, or null
 * @param runDirectory the run directory's URI
 * @param recipe       the model recipe, or null
 */
public record Run(String id, String name, String experiment, RunStatus status, TrainingTarget target, Instant created,
        Instant started, Instant finished, String error, String runDirectory, String recipe) {
}
