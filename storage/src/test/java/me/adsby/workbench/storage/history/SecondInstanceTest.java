package me.adsby.workbench.storage.history;

import static me.adsby.workbench.storage.history.HistoryFixtures.newRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecondInstanceTest {

    @TempDir
    Path home;

    @Test
    void aSecondOpenInThisProcessIsRefusedWithTheHolderNamed() {
        Path folder = home.resolve("history");
        try (RunHistory first = RunHistory.open(folder)) {
            assertThatThrownBy(() -> RunHistory.open(folder))
                    .isInstanceOf(HistoryInUseException.class)
                    .hasMessageStartingWith("Workbench is already open on this home (" + folder + ", held by process "
                            + ProcessHandle.current().pid() + " on ")
                    .hasMessageEndingWith("): close it first");
            // The refused open changed nothing for the first one.
            assertThat(first.createRun(newRun("still works")).status()).isEqualTo(RunStatus.QUEUED);
        }
    }

    @Test
    void afterTheFirstClosesTheHistoryOpensAgain() {
        Path folder = home.resolve("history");
        String id;
        try (RunHistory first = RunHistory.open(folder)) {
            id = first.createRun(newRun("kept")).id();
        }
        try (RunHistory second = RunHistory.open(folder)) {
            assertThat(second.findRun(id)).isPresent();
        }
    }

    @Test
    void aSecondProcessIsRefusedWhileThisOneHoldsTheHistory() throws Exception {
        Path folder = home.resolve("history");
        try (RunHistory first = RunHistory.open(folder)) {
            assertThat(first.folder()).isEqualTo(folder);
            Probe refused = probe(folder);

            assertThat(refused.exitCode).as(refused.output).isEqualTo(3);
            assertThat(refused.output).startsWith("Workbench is already open on this home (" + folder + ", held by process "
                    + ProcessHandle.current().pid() + " on ").endsWith("): close it first");
        }
        Probe opened = probe(folder);
        assertThat(opened.exitCode).as(opened.output).isZero();
        assertThat(opened.output).isEqualTo("opened " + folder);
    }

    private record Probe(int exitCode, String output) {
    }

    private static Probe probe(Path folder) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                OpenHistoryProbe.class.getName(), folder.toString())).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the probe finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.startsWith("SLF4J")).reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b);
        return new Probe(process.exitValue(), output);
    }
}
