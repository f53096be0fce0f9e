package me.adsby.workbench.storage.settings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's preferences, stored in {@code <home>/settings.json}. Never holds credentials: Google Cloud
 * credentials come from Application Default Credentials, each time.
 *
 * @param defaultGcsProject the Google Cloud project for GCS requests, or null for the ADC default
 * @param gcsEndpoint       another GCS endpoint (a private one, or a test server), or null for Google's
 * @param defaultTarget     where runs train unless a run says otherwise
 * @param recentLocations   dataset locations opened lately, newest first, at most {@value #MAX_RECENT}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(String defaultGcsProject, String gcsEndpoint, TrainingTarget defaultTarget,
        List<String> recentLocations) {

    public static final int MAX_RECENT = 10;

    public Settings {
        defaultGcsProject = blankToNull(defaultGcsProject);
        gcsEndpoint = blankToNull(gcsEndpoint);
        defaultTarget = defaultTarget == null ? TrainingTarget.LOCAL_CPU : defaultTarget;
        recentLocations = recentLocations == null ? List.of() : List.copyOf(recentLocations.stream()
                .filter(location -> location != null && !location.isBlank())
                .distinct()
                .limit(MAX_RECENT)
                .toList());
    }

    public static Settings defaults() {
        return new Settings(null, null, TrainingTarget.LOCAL_CPU, List.of());
    }

    public Settings withDefaultGcsProject(String project) {
        return new Settings(project, gcsEndpoint, defaultTarget, recentLocations);
    }

    public Settings withGcsEndpoint(String endpoint) {
        return new Settings(defaultGcsProject, endpoint, defaultTarget, recentLocations);
    }

    public Settings withDefaultTarget(TrainingTarget target) {
        return new Settings(defaultGcsProject, gcsEndpoint, target, recentLocations);
    }

    /** Puts the location first, removing an older mention of it, keeping at most {@value #MAX_RECENT}. */
    public Settings withRecentLocation(String location) {
        List<String> recent = new ArrayList<>(recentLocations.size() + 1);
        recent.add(location);
        recent.addAll(recentLocations);
        return new Settings(defaultGcsProject, gcsEndpoint, defaultTarget, recent);
    }

    public Settings withoutRecentLocations() {
        return new Settings(defaultGcsProject, gcsEndpoint, defaultTarget, List.of());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
