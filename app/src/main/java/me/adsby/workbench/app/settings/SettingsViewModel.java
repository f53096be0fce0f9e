package me.adsby.workbench.app.settings;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import me.adsby.workbench.storage.settings.Settings;
import me.adsby.workbench.storage.settings.TrainingTarget;

/** The Settings dialog's fields: filled from the settings in use, applied back on OK. */
public final class SettingsViewModel {

    private final UserSettings settings;
    private final StringProperty gcsProject = new SimpleStringProperty("");
    private final StringProperty gcsEndpoint = new SimpleStringProperty("");
    private final ObjectProperty<TrainingTarget> target = new SimpleObjectProperty<>(TrainingTarget.LOCAL_CPU);
    private final ObservableList<String> recentLocations = FXCollections.observableArrayList();
    private boolean forgetRecent;

    public SettingsViewModel(UserSettings settings) {
        this.settings = settings;
    }

    /** Fills the fields from the settings in use; call before showing the dialog. */
    public void reset() {
        Settings current = settings.current();
        gcsProject.set(current.defaultGcsProject() == null ? "" : current.defaultGcsProject());
        gcsEndpoint.set(current.gcsEndpoint() == null ? "" : current.gcsEndpoint());
        target.set(current.defaultTarget());
        recentLocations.setAll(current.recentLocations());
        forgetRecent = false;
    }

    public void forgetRecentLocations() {
        recentLocations.clear();
        forgetRecent = true;
    }

    /**
     * Saves what the fields say. Recent locations opened while the dialog was up are kept, unless the user
     * asked to forget them.
     */
    public void apply() {
        String project = gcsProject.get();
        String endpoint = gcsEndpoint.get();
        TrainingTarget chosen = target.get();
        boolean forget = forgetRecent;
        settings.update(current -> {
            Settings edited = current.withDefaultGcsProject(project).withGcsEndpoint(endpoint)
                    .withDefaultTarget(chosen);
            return forget ? edited.withoutRecentLocations() : edited;
        });
    }

    public StringProperty gcsProjectProperty() {
        return gcsProject;
    }

    /** Another GCS endpoint (private or a test server); empty for Google's. */
    public StringProperty gcsEndpointProperty() {
        return gcsEndpoint;
    }

    public ObjectProperty<TrainingTarget> targetProperty() {
        return target;
    }

    public ObservableList<String> recentLocations() {
        return recentLocations;
    }
}
