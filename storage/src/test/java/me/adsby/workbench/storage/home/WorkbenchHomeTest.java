package me.adsby.workbench.storage.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchHomeTest {

    @TempDir
    Path temp;

    @Test
    void explicitHomeWinsOverTheEnvironmentAndTheDefault() {
        Path chosen = WorkbenchHome.locate(temp.resolve("a").toString(),
                Map.of(WorkbenchHome.ENVIRONMENT_VARIABLE, temp.resolve("b").toString()), "/home/someone");
        assertThat(chosen).isEqualTo(temp.resolve("a"));
    }

    @Test
    void environmentWinsOverTheDefault() {
        Path chosen = WorkbenchHome.locate(null,
                Map.of(WorkbenchHome.ENVIRONMENT_VARIABLE, temp.resolve("b").toString()), "/home/someone");
        assertThat(chosen).isEqualTo(temp.resolve("b"));
    }

    @Test
    void defaultIsDotWorkbenchInTheUserHome() {
        assertThat(WorkbenchHome.locate(" ", Map.of(), "/home/someone")).isEqualTo(Path.of("/home/someone/.workbench"));
    }

    @Test
    void openCreatesTheLayoutOwnerOnly() throws IOException {
        WorkbenchHome home = WorkbenchHome.open(temp.resolve("home"));

        for (Path dir : new Path[] {home.root(), home.history(), home.runs(), home.registry(), home.cache(),
                home.logs()}) {
            assertThat(dir).isDirectory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        }
    }

    @Test
    void openTightensAFolderThatOthersCouldRead() throws IOException {
        Path root = Files.createDirectory(temp.resolve("home"));
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

        WorkbenchHome.open(root);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
    }

    @Test
    void aFileWhereTheHomeShouldBeIsAClearError() throws IOException {
        Path file = Files.writeString(temp.resolve("home"), "not a folder");

        assertThatThrownBy(() -> WorkbenchHome.open(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("must be a folder");
    }
}
