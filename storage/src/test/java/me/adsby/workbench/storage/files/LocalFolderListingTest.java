package me.adsby.workbench.storage.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import me.adsby.workbench.storage.work.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderListingTest {

    @TempDir
    Path temp;

    @Test
    void foldersComeFirstThenFilesByNameIgnoringCase() throws IOException {
        Files.writeString(temp.resolve("b.csv"), "x,y\n");
        Files.writeString(temp.resolve("A.png"), "12345");
        Files.createDirectory(temp.resolve("images"));
        Files.createDirectory(temp.resolve("Archive"));

        List<FolderEntry> entries = LocalFolderListing.list(temp, Cancellation.NEVER);

        assertThat(entries).extracting(FolderEntry::name).containsExactly("Archive", "images", "A.png", "b.csv");
        assertThat(entries).extracting(FolderEntry::folder).containsExactly(true, true, false, false);
        // "12345" is five bytes, "x,y\n" four.
        assertThat(entries).extracting(FolderEntry::size).containsExactly(-1L, -1L, 5L, 4L);
        assertThat(entries.get(2).modified()).isNotNull();
    }

    @Test
    void aBrokenLinkIsListedNotFatal() throws IOException {
        Files.createSymbolicLink(temp.resolve("dangling"), temp.resolve("gone"));

        List<FolderEntry> entries = LocalFolderListing.list(temp, Cancellation.NEVER);

        assertThat(entries).extracting(FolderEntry::name).containsExactly("dangling");
    }

    @Test
    void aMissingFolderOrAFileIsAClearError() throws IOException {
        Path file = Files.writeString(temp.resolve("ads.csv"), "a\n");

        assertThatThrownBy(() -> LocalFolderListing.list(temp.resolve("nope"), Cancellation.NEVER))
                .hasMessage(temp.resolve("nope") + ": no such folder");
        assertThatThrownBy(() -> LocalFolderListing.list(file, Cancellation.NEVER))
                .hasMessage(file + ": not a folder");
    }

    @Test
    void cancellationStopsTheListing() throws IOException {
        Files.writeString(temp.resolve("a"), "");

        assertThatThrownBy(() -> LocalFolderListing.list(temp, () -> true))
                .isInstanceOf(CancellationException.class);
    }
}
