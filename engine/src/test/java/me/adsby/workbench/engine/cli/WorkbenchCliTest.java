package me.adsby.workbench.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import me.adsby.workbench.storage.home.WorkbenchHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchCliTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<WorkbenchHome> opened = new ArrayList<>();

    private int run(DesktopOpener desktop, String... args) {
        return WorkbenchCli.create(desktop, opened::add, Map.of(), new PrintWriter(out, true),
                new PrintWriter(err, true)).execute(args);
    }

    @Test
    void helpListsEveryCommandOfTheDesign() {
        int status = run(null, "--help");

        assertThat(status).isZero();
        String help = out.toString();
        assertThat(help).contains("Usage: workbench", "--home=DIR", "--version", "--gcs-endpoint=URL");
        // The commands of design.md, each with its summary line.
        for (String command : List.of("demo-data", "datasets", "train", "runs", "evaluate", "metrics", "compare",
                "publish", "registry", "serve")) {
            assertThat(help).contains("  " + command + " ");
        }
        assertThat(help).doesNotContain("Planned");
    }

    @Test
    void everyCommandsHelpFormatsWithoutWarnings() {
        // picocli formats descriptions with String.format: a lone % makes it warn on System.err and print the
        // text unformatted. Render every command's help, nested ones too, and catch what it warns.
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        List<String> commands = new ArrayList<>();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            java.util.ArrayDeque<picocli.CommandLine> todo = new java.util.ArrayDeque<>(List.of(WorkbenchCli.create(null,
                    opened::add, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true))));
            while (!todo.isEmpty()) {
                picocli.CommandLine command = todo.pop();
                commands.add(command.getCommandSpec().qualifiedName());
                command.getUsageMessage();
                todo.addAll(command.getSubcommands().values());
            }
        } finally {
            System.setErr(original);
        }
        assertThat(commands).contains("workbench train", "workbench runs group", "workbench serve");
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void publishWithoutAModelNameIsAUsageError() {
        int status = run(null, "publish", "r-1");

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(err.toString()).contains("Missing required option: '--model-name=NAME'");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        int status = run(null, "trian");

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'trian'").contains("--help");
    }

    @Test
    void noCommandOpensTheDesktopOnTheChosenHome() {
        List<Path> desktopHomes = new ArrayList<>();

        int status = run(home -> {
            desktopHomes.add(home.root());
            return 0;
        }, "--home", temp.resolve("h").toString());

        assertThat(status).isZero();
        assertThat(desktopHomes).containsExactly(temp.resolve("h"));
        assertThat(opened).extracting(WorkbenchHome::root).containsExactly(temp.resolve("h"));
        assertThat(temp.resolve("h").resolve("history")).isDirectory();
    }

    @Test
    void aFailingDesktopIsAFailureWithItsMessage() {
        int status = run(home -> {
            throw new IllegalStateException("No display to open the window on");
        }, "--home", temp.resolve("h").toString());

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("error: No display to open the window on").doesNotContain("at me.adsby");
    }

    @Test
    void demoDataWritesTheDatasetAndReportsItAsJson() throws Exception {
        Path outDir = temp.resolve("demo");

        int status = run(null, "demo-data", "--out", outDir.toString(), "--rows", "25", "--seed", "7", "--json");

        assertThat(status).as(err.toString()).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("directory").asText()).isEqualTo(outDir.toString());
        assertThat(result.get("rows").asInt()).isEqualTo(25);
        assertThat(result.get("seed").asLong()).isEqualTo(7);
        // The header line plus one line per row.
        assertThat(Files.readAllLines(outDir.resolve("ads.csv"))).hasSize(26);
        int clicked = result.get("clicks").asInt();
        assertThat(clicked).isBetween(0, 25);
    }

    @Test
    void demoDataShowsProgressWithoutJson() {
        int status = run(null, "demo-data", "--out", temp.resolve("demo").toString(), "--rows", "20");

        assertThat(status).as(err.toString()).isZero();
        assertThat(err.toString()).contains("Writing demo dataset: 100% (20 of 20)");
        assertThat(out.toString()).startsWith("Wrote 20 ads (");
    }

    @Test
    void demoDataRefusesBadArgumentsClearly() throws Exception {
        assertThat(run(null, "demo-data", "--out", temp.resolve("a").toString(), "--rows", "0"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--rows must be at least 1, was 0");

        Path full = Files.createDirectories(temp.resolve("full"));
        Files.writeString(full.resolve("notes.txt"), "mine");
        assertThat(run(null, "demo-data", "--out", full.toString())).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(err.toString()).contains(full.toString());
        assertThat(full.resolve("notes.txt")).hasContent("mine");
    }
}
