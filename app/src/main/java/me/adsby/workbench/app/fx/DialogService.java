package me.adsby.workbench.app.fx;

import java.nio.file.Path;
import java.util.Optional;

/** The dialogs that ask the user something; injectable so that tests can answer them. */
public interface DialogService {

    /** Asks for a local folder, starting at {@code initial} when it exists. */
    Optional<Path> chooseFolder(String title, Path initial);
}
