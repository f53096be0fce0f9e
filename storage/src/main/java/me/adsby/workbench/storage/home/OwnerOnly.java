package me.adsby.workbench.storage.home;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Makes folders and files readable by their owner only (0700 and 0600) where the file system has POSIX
 * permissions. Elsewhere (Windows) the user profile's own access rules apply and nothing is changed.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates the folder and any missing parents, then restricts the folder itself to its owner. */
    public static Path folder(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (hasPosix(dir.getFileSystem())) {
            Files.setPosixFilePermissions(dir, FOLDER);
        }
        return dir;
    }

    /** Restricts an existing file to its owner. */
    public static Path file(Path file) throws IOException {
        if (hasPosix(file.getFileSystem())) {
            Files.setPosixFilePermissions(file, FILE);
        }
        return file;
    }

    static boolean hasPosix(FileSystem fs) {
        return fs.supportedFileAttributeViews().contains("posix");
    }
}
