package me.adsby.workbench.storage.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import me.adsby.workbench.storage.work.Cancellation;

/** Lists a local folder: folders first, then files, each group by name ignoring case. */
public final class LocalFolderListing {

    private static final Comparator<FolderEntry> ORDER = Comparator
            .comparing((FolderEntry entry) -> !entry.folder())
            .thenComparing(FolderEntry::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(FolderEntry::name);

    private LocalFolderListing() {
    }

    /**
     * @throws IOException with a message that names the folder and says what is wrong
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    public static List<FolderEntry> list(Path folder, Cancellation cancel) throws IOException {
        List<FolderEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                if (entries.size() % 256 == 0) {
                    cancel.throwIfCancelled();
                }
                entries.add(entryOf(child));
            }
        } catch (NoSuchFileException e) {
            throw new IOException(folder + ": no such folder", e);
        } catch (NotDirectoryException e) {
            throw new IOException(folder + ": not a folder", e);
        } catch (AccessDeniedException e) {
            throw new IOException(folder + ": permission denied", e);
        }
        entries.sort(ORDER);
        return entries;
    }

    private static FolderEntry entryOf(Path child) {
        String name = child.getFileName().toString();
        BasicFileAttributes attributes = attributes(child);
        if (attributes == null) {
            return new FolderEntry(name, child, false, -1, null);
        }
        boolean folder = attributes.isDirectory();
        return new FolderEntry(name, child, folder, folder ? -1 : attributes.size(),
                attributes.lastModifiedTime().toInstant());
    }

    /** The entry's attributes, following links; a broken link's own; null when neither can be read. */
    private static BasicFileAttributes attributes(Path child) {
        try {
            return Files.readAttributes(child, BasicFileAttributes.class);
        } catch (IOException followed) {
            try {
                return Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException unreadable) {
                return null;
            }
        }
    }
}
