package me.adsby.workbench.storage.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's preferences, stored in {@code <home>/settings.json}. Never holds credentials: Google Cloud
 * credentials come from Application Default Credentials, each time.
 *
 * @param defaultGcsProject the Google Cloud project for GCS requests, or null for the ADC default
 * @param defaultTarget     where runs train unless a run says otherwise
 * @param recentLocations   dataset locations opened lately, newest first, at most {@value #MAX_RECENT}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(String defaultGcsProject, TrainingTarget defaultTarget, List<String> recentLocations) {

    public static final int MAX_RECENT = 10;

    public Settings {
        defaultGcsProject = defaultGcsProject == null || defaultGcsProject.isBlank() ? null : defaultGcsProject.strip();
        defaultTarget = defaultTarget == null ? TrainingTarget.LOCAL_CPU : defaultTarget;
        recentLocations = recentLocations == null ? List.of() : List.copyOf(recentLocations.stream()
                .filter(location -> location != null && !location.isBlank())
                .distinct()
                .limit(MAX_RECENT)
                .toList());
    }

    public static Settings defaults() {
        return new Settings(null, TrainingTarget.LOCAL_CPU, List.of());
    }

    public Settings withDefaultGcsProject(String project) {
        return new Settings(project, defaultTarget, recentLocations);
    }

    public Settings withDefaultTarget(TrainingTarget target) {
        return new Settings(defaultGcsProject, target, recentLocations);
    }

    /** Puts the location first, removing an older mention of it, keeping at most {@value #MAX_RECENT}. */
    public Settings withRecentLocation(String location) {
        List<String> recent = new ArrayList<>(recentLocations.size() + 1);
        recent.add(location);
        recent.addAll(recentLocations);
        return new Settings(defaultGcsProject, defaultTarget, recent);
    }
}
