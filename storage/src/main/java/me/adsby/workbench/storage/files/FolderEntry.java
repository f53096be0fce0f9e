package me.adsby.workbench.storage.files;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One entry of a local folder.
 *
 * @param size     bytes, or -1 for a folder or when it could not be read
 * @param modified last modification, or null when it could not be read
 */
public record FolderEntry(String name, Path path, boolean folder, long size, Instant modified) {
}
