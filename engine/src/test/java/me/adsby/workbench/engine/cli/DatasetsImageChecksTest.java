package me.adsby.workbench.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datasets validate} and {@code datasets stats} on the images that training would refuse. */
class DatasetsImageChecksTest {

    @TempDir
    Path temp;

    private HeadlessRun cli;
    private Path csv;
    private Path folder;
    private Path outside;

    @BeforeEach
    void brokenDataset() throws IOException {
        folder = Files.createDirectories(temp.resolve("ds"));
        Path images = Files.createDirectories(folder.resolve("images"));
        outside = png(temp.resolve("outside.png"), 8, 6, BufferedImage.TYPE_INT_RGB);
        png(images.resolve("ok.png"), 8, 6, BufferedImage.TYPE_INT_RGB);
        Files.writeString(images.resolve("garbage.png"), "these bytes are no image");
        // 7,100 x 7,100 = 50.41 megapixels, over the default limit of 50; one bit a pixel compresses to little.
        png(images.resolve("huge.png"), 7100, 7100, BufferedImage.TYPE_BYTE_BINARY);
        Files.createSymbolicLink(images.resolve("link.png"), outside);
        csv = Files.writeString(folder.resolve("ads.csv"), String.join("\n",
                "ad_id,bid,image,clicked",        // line 1
                "a1,0.5,images/ok.png,1",         // 2: fine
                "a2,0.6,images/missing.png,0",    // 3: missing
                "a3,0.7,images/garbage.png,0",    // 4: undecodable
                "a4,0.8,images/huge.png,1",       // 5: over the pixel limit
                "a5,0.9,../outside.png,0",        // 6: leaves the folder
                "a6,1.0,images/link.png,1",       // 7: a link whose target is outside
                "a7,1.1,images/ok.png,0",         // 8: fine
                ""));
    }

    @Test
    void validateListsEveryUnusableImageAndFails() {
        int status = run("datasets", "validate", csv.toString());

        assertThat(status).as(cli.err()).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        List<String> lines = cli.out().lines().toList();
        // Five problems, one line each, in file order, then the summary: 7 rows, lines 2 and 8 good.
        assertThat(lines.subList(0, 5)).satisfiesExactly(
                line -> assertThat(line).startsWith(csv + ":3: image 'images/missing.png'")
                        .endsWith("no such file or object"),
                line -> assertThat(line).startsWith(csv + ":4: image 'images/garbage.png'")
                        .endsWith("not a JPEG or PNG image"),
                line -> assertThat(line).startsWith(csv + ":5: image 'images/huge.png'")
                        .endsWith("7100 x 7100 pixels (50.4 megapixels) is over the limit of 50.0 megapixels"),
                line -> assertThat(line).isEqualTo(csv + ":6: image '../outside.png' leaves the dataset's folder "
                        + folder),
                line -> assertThat(line).startsWith(csv + ":7: image 'images/link.png'")
                        .contains("leads to " + outside).endsWith("outside the dataset's folder " + folder));
        assertThat(lines.get(5)).isEqualTo(csv + ": 7 rows read, 2 good, 5 bad");
        assertThat(lines.subList(6, lines.size())).containsExactly("  image missing: 1", "  image outside root: 2",
                "  image undecodable: 1", "  image too large: 1");
    }

    @Test
    void validateAsJsonSaysTheSame() throws IOException {
        int status = run("datasets", "validate", csv.toString(), "--json");

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        JsonNode report = cli.json();
        assertThat(report.get("rowsRead").asLong()).isEqualTo(7);
        assertThat(report.get("goodRows").asLong()).isEqualTo(2);
        assertThat(report.get("badRows").asLong()).isEqualTo(5);
        List<String> kinds = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        report.get("problems").forEach(problem -> {
            kinds.add(problem.get("kind").asText());
            lines.add(problem.get("line").asLong());
            assertThat(problem.get("file").asText()).isEqualTo(csv.toString());
        });
        assertThat(lines).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(kinds).containsExactly("IMAGE_MISSING", "IMAGE_UNDECODABLE", "IMAGE_TOO_LARGE",
                "IMAGE_OUTSIDE_ROOT", "IMAGE_OUTSIDE_ROOT");
        assertThat(report.get("problemCounts").get("IMAGE_OUTSIDE_ROOT").asLong()).isEqualTo(2);
    }

    @Test
    void withoutImageChecksOnlyTheRowsAreRead() {
        assertThat(run("datasets", "validate", csv.toString(), "--no-images")).isZero();
        assertThat(cli.out()).contains("7 rows read, 7 good, 0 bad");
    }

    @Test
    void aHeaderOnlyFileAndAnEmptyFileHaveNoRows() throws IOException {
        Path header = Files.writeString(temp.resolve("header.csv"), "ad_id,clicked\n");
        Path empty = Files.writeString(temp.resolve("empty.csv"), "");

        assertThat(run("datasets", "validate", header.toString())).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.out().lines()).first().isEqualTo(header + ":1: no rows: the file has a header and nothing else");

        cli = null;
        assertThat(run("datasets", "validate", empty.toString())).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        assertThat(cli.out().lines()).first()
                .isEqualTo(empty + ":1: no rows: the file is empty (a header line and rows are needed)");

        cli = null;
        assertThat(run("datasets", "validate", empty.toString(), "--json")).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        JsonNode report = cli.json();
        assertThat(report.get("problems").get(0).get("kind").asText()).isEqualTo("NO_ROWS");
        assertThat(report.get("problems").get(0).get("line").asLong()).isEqualTo(1);
        assertThat(report.get("complete").asBoolean()).isFalse();
    }

    @Test
    void statsNameTheLinesOfImageProblems() throws IOException {
        assertThat(run("datasets", "stats", csv.toString())).as(cli.err()).isZero();
        // Seven references, two fine: the five others with their lines, as validate has them.
        assertThat(cli.out()).contains("images: 7 references, 7 probed, 28.6% resolve and decode");
        List<String> named = cli.out().lines().filter(line -> line.startsWith("  " + csv + ":")).toList();
        assertThat(named).extracting(line -> line.substring(csv.toString().length() + 3, line.indexOf(": image")))
                .containsExactly("3", "4", "5", "6", "7");

        cli = null;
        assertThat(run("datasets", "stats", csv.toString(), "--json")).isZero();
        JsonNode image = cli.json().get("image");
        assertThat(image.get("problems").asLong()).isEqualTo(5);
        List<Long> lines = new ArrayList<>();
        image.get("firstProblems").forEach(problem -> lines.add(problem.get("line").asLong()));
        assertThat(lines).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(image.get("firstProblems").get(4).get("status").asText()).isEqualTo("OUTSIDE_ROOT");
    }

    private int run(String... args) {
        if (cli == null) {
            cli = new HeadlessRun(temp.resolve("home"));
        }
        return cli.run(args);
    }

    private static Path png(Path file, int width, int height, int type) throws IOException {
        ImageIO.write(new BufferedImage(width, height, type), "png", file.toFile());
        return file;
    }
}
