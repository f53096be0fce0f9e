package me.adsby.workbench.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsSchemaCommandTest {

    @TempDir
    Path temp;

    private HeadlessRun cli;
    private Path csv;

    @BeforeEach
    void setUp() throws Exception {
        cli = new HeadlessRun(temp.resolve("home"));
        StringBuilder text = new StringBuilder("row_id,ad_id,bid,device,label_positive\n");
        for (int row = 1; row <= 40; row++) {
            // ad_id: 20 values, each on two rows; bid 1..40; device alternates
            text.append(row).append(",ad").append((row + 1) / 2).append(',').append(row)
                    .append(row % 2 == 0 ? ",mobile," : ",desktop,").append(row % 2).append('\n');
        }
        csv = Files.writeString(temp.resolve("ads.csv"), text.toString());
    }

    @Test
    void printsTheInferredSchemaAndSaysSo() throws Exception {
        int status = cli.run("datasets", "schema", csv.toString());

        assertThat(status).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Schema of " + csv + ": inferred from all 40 rows (none saved)")
                .contains("row_id: 40 distinct values over 40 rows, never repeats: key")
                .contains("ad_id: 20 distinct values over 40 rows, repeats: group");
        assertThat(cli.out().lines().filter(line -> line.startsWith("label_positive"))).singleElement().asString()
                .contains("binary").contains("label");
    }

    @Test
    void setEditsAndSavesTheSchemaWhichThenWins() throws Exception {
        int status = cli.run("datasets", "schema", csv.toString(), "--set", "device=:ignored",
                "--set", "bid=float:feature:log1p", "--json");

        assertThat(status).as(cli.err()).isZero();
        JsonNode saved = cli.json();
        assertThat(saved.get("origin").asText()).isEqualTo("saved");
        assertThat(saved.get("savedNow").asBoolean()).isTrue();
        Path file = new SchemaStore(temp.resolve("home").resolve("schemas")).fileFor(BlobUri.local(csv));
        assertThat(saved.get("savedFile").asText()).isEqualTo(file.toString());
        assertThat(file).isRegularFile();

        assertThat(cli.run("datasets", "schema", csv.toString(), "--json")).isZero();
        JsonNode again = cli.json();
        assertThat(again.get("origin").asText()).isEqualTo("saved");
        assertThat(again.get("rowsRead").asLong()).isEqualTo(-1);
        JsonNode columns = again.get("columns");
        assertThat(columns.get(2).get("type").asText()).isEqualTo("float");
        assertThat(columns.get(2).get("transform").asText()).isEqualTo("log1p");
        assertThat(columns.get(3).get("name").asText()).isEqualTo("device");
        assertThat(columns.get(3).get("role").asText()).isEqualTo("ignored");
        assertThat(columns.get(4).get("role").asText()).isEqualTo("label");

        assertThat(cli.run("datasets", "schema", csv.toString())).isZero();
        assertThat(cli.out()).startsWith("Schema of " + csv + ": saved (" + file + ")");
    }

    @Test
    void aBadSetIsAUsageErrorThatSaysWhatIsWrong() {
        assertThat(cli.run("datasets", "schema", csv.toString(), "--set", "price=float:feature"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("--set 'price=float:feature': there is no column 'price'; the columns are "
                + "[row_id, ad_id, bid, device, label_positive]");

        assertThat(cli.run("datasets", "schema", csv.toString(), "--set", "bid=decimal:feature"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("unknown type 'decimal'; expected one of integer, float, categorical, binary, image, text");

        assertThat(cli.run("datasets", "schema", csv.toString(), "--set", "bid=float:input"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("unknown role 'input'; expected one of feature, label, image, key, group, time, ignored");

        assertThat(cli.run("datasets", "schema", csv.toString(), "--set", "device=categorical:feature:log1p"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("only integer and float columns have a transform");

        assertThat(cli.run("datasets", "schema", csv.toString(), "--set", "bid"))
                .isEqualTo(WorkbenchCli.EXIT_USAGE);
        assertThat(cli.err()).contains("--set 'bid': expected COL=type:role[:transform]");
        assertThat(temp.resolve("home").resolve("schemas")).isEmptyDirectory();
    }

    @Test
    void aSavedSchemaThatNoLongerMatchesTheHeaderIsReported() throws Exception {
        assertThat(cli.run("datasets", "schema", csv.toString(), "--set", "device=:ignored")).isZero();
        Files.writeString(csv, "row_id,price,label_positive\n1,2.5,1\n2,3.5,0\n");

        assertThat(cli.run("datasets", "schema", csv.toString())).isZero();

        assertThat(cli.out()).startsWith("Schema of " + csv + ": inferred from all 2 rows (the saved one is not used)")
                .contains("Problems:")
                .contains(csv + ":1: the saved schema ")
                .contains("the header has [row_id, price, label_positive]");
    }

    @Test
    void validateReportsALabelNamedColumnThatIsNotBinary() throws Exception {
        Path bad = Files.writeString(temp.resolve("bad.csv"), "bid,clicked\n1,0\n2,1\n3,4\n");

        int status = cli.run("datasets", "validate", bad.toString());

        assertThat(status).isEqualTo(WorkbenchCli.EXIT_FAILURE);
        // the 4 is on line 4: the header is line 1
        assertThat(cli.out()).startsWith(bad + ":4: column 'clicked' is named like a label but has '4'");
    }
}
