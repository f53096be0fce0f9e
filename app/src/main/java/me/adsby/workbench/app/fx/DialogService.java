package me.adsby.workbench.app.fx;

import java.nio.file.Path;
import java.util.Optional;

/** The dialogs that ask the user something; injectable so that tests can answer them. */
public interface DialogService {

    /** Asks for a local folder, starting at {@code initial} when it exists. */
    Optional<Path> chooseFolder(String title, Path initial);

    /** Asks for a GCS bucket (and optional prefix) and the project, prefilled with the default project. */
    Optional<BucketChoice> chooseBucket(String defaultProject);
}
