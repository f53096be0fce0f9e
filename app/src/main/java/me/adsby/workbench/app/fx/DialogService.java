package me.adsby.workbench.app.fx;

import java.nio.file.Path;
import java.util.Optional;

/** The dialogs that ask the user something; injectable so that tests can answer them. */
public interface DialogService {

    /** Asks for a local folder, starting at {@code initial} when it exists. */
    Optional<Path> chooseFolder(String title, Path initial);

    /** Asks for a GCS bucket (and optional prefix) and the project, prefilled with the default project. */
    Optional<BucketChoice> chooseBucket(String defaultProject);

    /** Asks for a local CSV file, starting in {@code initialFolder} when it exists. */
    Optional<Path> chooseFile(String title, Path initialFolder);

    /** Asks where to save a file, suggesting {@code suggestedName}; {@code extension} is e.g. "csv" or "png". */
    Optional<Path> chooseSaveFile(String title, String suggestedName, String extension);

    /**
     * Asks whether to go on with something that cannot be undone; true when the user confirmed. The confirming
     * button is named after the title's first word ("Delete run?" gives "Delete"); Cancel is the default.
     */
    boolean confirm(String title, String message);
}
