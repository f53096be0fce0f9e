package me.adsby.workbench.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import me.adsby.workbench.app.task.SameThreadTaskExecutor;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.drift.FeatureDrift;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.storage.image.ImageStatus;
import me.adsby.workbench.storage.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetViewModelTest {

    @TempDir
    Path temp;

    private final SameThreadTaskExecutor tasks = new SameThreadTaskExecutor();
    private final me.adsby.workbench.app.notify.Notifications notifications =
            new me.adsby.workbench.app.notify.Notifications(Path.of("workbench.log"));
    private StoreProvider stores;
    private DatasetViewModel model;
    private Path csv;

    @BeforeEach
    void setUp() throws IOException {
        stores = new StoreProvider(Settings.defaults());
        model = new DatasetViewModel(tasks, stores, new StorageImages(stores, temp.resolve("thumbnails")),
                notifications, new SchemaStore(temp.resolve("schemas")));
        Files.createDirectories(temp.resolve("images"));
        ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB), "png", temp.resolve("images/a.png").toFile());
        ImageIO.write(new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB), "png", temp.resolve("images/b.png").toFile());
        csv = Files.writeString(temp.resolve("ads.csv"), "ad_id,device,bid,image,clicked\n"
                + "a1,mobile,1,images/a.png,1\n"
                + "a2,desktop,2,images/b.png,0\n"
                + "a3,mobile,3\n"
                + "a4,mobile,6,images/missing.png,0\n");
    }

    @AfterEach
    void close() {
        stores.close();
    }

    @Test
    void openingACsvShowsItsRowsWithBadOnesMarkedAndItsStatistics() {
        model.open(BlobUri.local(csv));

        assertThat(model.schemaProperty().get().names()).containsExactly("ad_id", "device", "bid", "image", "clicked");
        assertThat(model.rows()).hasSize(4);
        assertThat(model.rows().get(2).bad()).isTrue();
        assertThat(model.rows().get(2).line()).isEqualTo(4);
        assertThat(model.previewNoteProperty().get()).isEqualTo("4 rows, 1 bad row marked.");
        // the good rows are 3 of the 4 (line 4 has too few fields)
        assertThat(model.schemaOriginProperty().get()).isEqualTo("Inferred from all 3 rows; apply to save it.");

        var statistics = model.statisticsProperty().get();
        assertThat(statistics.goodRows()).isEqualTo(3);
        assertThat(statistics.badRows()).isEqualTo(1);
        // bid over the good rows 1, 2, 6: mean 3.
        assertThat(statistics.column("bid").orElseThrow().numeric().mean()).isEqualTo(3.0);
        // Three image references: a.png and b.png decode, missing.png does not exist.
        assertThat(statistics.image().statusCounts())
                .containsEntry(ImageStatus.OK, 2L).containsEntry(ImageStatus.MISSING, 1L);
        assertThat(tasks.titles()).containsExactly("Reading ads.csv", "Statistics of ads.csv");
    }

    @Test
    void theImageOfARowAndTheGalleryRows() throws IOException {
        model.open(BlobUri.local(csv));

        assertThat(model.imageOf(model.rows().get(0))).isEqualTo("images/a.png");
        assertThat(model.imageOf(model.rows().get(2))).isNull();  // the bad row has no image cell
        assertThat(model.rowsWithImages()).extracting(row -> row.line()).containsExactly(2L, 3L, 5L);
        assertThat(model.images().full(BlobUri.local(csv), "images/b.png").getWidth()).isEqualTo(60);
        // Thumbnails keep the aspect: 60 x 40 fits 160 px without enlarging.
        assertThat(model.images().thumbnail(BlobUri.local(csv), "images/b.png").getWidth()).isEqualTo(60);
    }

    @Test
    void anEditedSchemaIsReadAgain() {
        model.open(BlobUri.local(csv));

        model.applySchema(model.schemaProperty().get().withRole("device", ColumnRole.IGNORED));

        assertThat(model.schemaProperty().get().column("device").role()).isEqualTo(ColumnRole.IGNORED);
        assertThat(model.statisticsProperty().get()).isNotNull();
        assertThat(tasks.titles()).containsExactly("Reading ads.csv", "Statistics of ads.csv",
                "Saving the schema of ads.csv", "Reading ads.csv", "Statistics of ads.csv");
        assertThat(model.schemaOriginProperty().get()).startsWith("Saved schema (" + temp.resolve("schemas"));

        // Opened again, the saved schema is the one in effect.
        model.open(BlobUri.local(csv));
        assertThat(model.schemaProperty().get().column("device").role()).isEqualTo(ColumnRole.IGNORED);
        assertThat(model.schemaOriginProperty().get()).startsWith("Saved schema");
    }

    @Test
    void validationListsEveryBadRow() {
        model.open(BlobUri.local(csv));

        model.validate();

        var report = model.validationProperty().get();
        // Line 4 has 3 fields; line 5's image does not exist (training would refuse it too): 2 bad rows.
        assertThat(report.badRows()).isEqualTo(2);
        assertThat(report.problems()).extracting(Object::toString).containsExactly(
                BlobUri.local(csv) + ":4: expected 5 fields, found 3",
                BlobUri.local(csv) + ":5: image 'images/missing.png' (" + temp.resolve("images/missing.png")
                        + "): no such file or object");
        // The problem's line selects its row; a line not shown selects nothing.
        assertThat(model.selectLine(5)).isTrue();
        assertThat(model.selectedRowProperty().get().line()).isEqualTo(5);
        assertThat(model.selectLine(99)).isFalse();
    }

    @Test
    void aMissingCsvSaysWhy() {
        model.open(BlobUri.local(temp.resolve("nope.csv")));

        assertThat(model.problemProperty().get()).contains(temp.resolve("nope.csv").toString());
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(notifications.shown()).extracting(n -> n.title()).containsExactly("Cannot read nope.csv");
    }

    @Test
    void driftAgainstACandidateAndAThresholdThatOnlyReflags() throws IOException {
        model.open(BlobUri.local(csv));
        DriftViewModel drift = new DriftViewModel(tasks, stores, model.statisticsProperty());
        // device in the base's good rows: mobile 2, desktop 1; in the candidate: mobile 1, desktop 3.
        // L-inf = max(|2/3 - 1/4|, |1/3 - 3/4|) = 5/12.
        Path candidate = Files.writeString(temp.resolve("new.csv"), "ad_id,device,bid,image,clicked\n"
                + "b1,mobile,1,images/a.png,1\nb2,desktop,2,images/a.png,0\n"
                + "b3,desktop,3,images/a.png,0\nb4,desktop,6,images/a.png,1\n");

        drift.compareWith(candidate.toString());
        FeatureDrift device = drift.features().stream().filter(f -> f.feature().equals("device")).findFirst().orElseThrow();
        assertThat(device.value()).isCloseTo(5.0 / 12, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(device.drifted()).isTrue();
        int tasksBefore = tasks.titles().size();

        drift.thresholdProperty().set(0.5);

        assertThat(drift.features().stream().filter(f -> f.feature().equals("device")).findFirst().orElseThrow()
                .drifted()).isFalse();
        assertThat(tasks.titles()).as("no file read again").hasSize(tasksBefore);
    }
}
