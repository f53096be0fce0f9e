package me.adsby.workbench.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.dataset.Datasets;
import me.adsby.workbench.storage.dataset.ErrorPolicy;
import me.adsby.workbench.storage.dataset.RowProblem;
import me.adsby.workbench.storage.dataset.check.ValidationReport;
import me.adsby.workbench.storage.dataset.schema.ColumnRole;
import me.adsby.workbench.storage.dataset.schema.ColumnSchema;
import me.adsby.workbench.storage.dataset.schema.ColumnType;
import me.adsby.workbench.storage.dataset.schema.Schema;
import me.adsby.workbench.storage.image.DatasetImages;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

/** Training and validation refuse the same images: a symbolic link that leads out of the dataset's folder. */
class ImageLinksTest {

    private static final Schema SCHEMA = new Schema(List.of(
            new ColumnSchema("price", 0, ColumnType.FLOAT, ColumnRole.FEATURE),
            new ColumnSchema("image", 1, ColumnType.IMAGE, ColumnRole.IMAGE),
            new ColumnSchema("clicked", 2, ColumnType.BINARY, ColumnRole.LABEL)));

    private static final FeatureSpec SPEC = new FeatureSpec(List.of("price"), List.of(), "image", "clicked", 8);

    @TempDir
    Path dir;

    @Test
    void aLinkOutOfTheFolderIsABadRowInTrainingAndInValidation() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data/images"));
        png(data.resolve("ok.png"));
        Path outside = png(dir.resolve("secret.png"));
        Files.createSymbolicLink(data.resolve("link.png"), outside);
        Files.createSymbolicLink(data.resolve("inner.png"), data.resolve("ok.png"));
        Path file = Files.writeString(dir.resolve("data/ads.csv"), String.join("\n",
                "price,image,clicked",        // line 1
                "1.0,images/ok.png,1",        // 2: good
                "2.0,images/link.png,0",      // 3: a link to ../secret.png: refused
                "3.0,images/inner.png,1",     // 4: a link to ok.png, inside: good
                ""));
        BlobUri csv = BlobUri.local(file);
        LocalBlobStore store = new LocalBlobStore();

        PreparedDataset prepared = new InputPipeline().prepare(uri -> store, csv, SCHEMA, SPEC,
                new SplitSettings(null, 0, 1), ErrorPolicy.skipAndCount(), dir.resolve("cache"),
                ProgressListener.NONE, Cancellation.NEVER);
        ValidationReport report = Datasets.validate(store, csv, SCHEMA, DatasetImages.of(csv.parent(), store),
                ProgressListener.NONE, Cancellation.NEVER);

        // Rows on lines 2 and 4 train; line 3 is refused by both, for the same reason.
        assertThat(prepared.trainSize()).isEqualTo(2);
        assertThat(prepared.badRowCounts()).isEqualTo(Map.of(BadRowKind.IMAGE_UNUSABLE, 1L));
        String reason = "image 'images/link.png' (" + data.resolve("link.png") + ") leads to " + outside.toRealPath()
                + " (symbolic links followed), outside the dataset's folder " + data.getParent();
        assertThat(prepared.problems()).extracting(BadRow::toString).containsExactly(csv + ":3: " + reason);
        assertThat(report.problems()).extracting(RowProblem::toString).containsExactly(csv + ":3: " + reason);
    }

    private static Path png(Path file) throws IOException {
        ImageIO.write(new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        return file;
    }
}
