package me.adsby.workbench.storage.dataset.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.dataset.ProblemKind;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.work.Cancellation;
import me.adsby.workbench.storage.work.ProgressListener;

class SchemaStoreTest {

    @TempDir
    Path temp;

    private final LocalBlobStore local = new LocalBlobStore();

    private SchemaInEffect effective(SchemaStore store, BlobUri uri) throws IOException {
        return store.effective(local, uri, ProgressListener.NONE, Cancellation.NEVER);
    }

    @Test
    void aSavedSchemaIsLoadedBackAndWinsOverInference() throws IOException {
        WorkbenchHome home = WorkbenchHome.open(temp.resolve("home"));
        SchemaStore store = SchemaStore.of(home);
        Path csv = Files.writeString(temp.resolve("ads.csv"), "ad_id,bid,device,clicked\na1,1.5,mobile,1\na2,2.5,tv,0\n");
        BlobUri uri = BlobUri.local(csv);
        assertThat(store.load(uri)).isEmpty();
        Schema edited = effective(store, uri).schema()
                .withRole("device", ColumnRole.IGNORED).withTransform("bid", NumericTransform.LOG1P);

        SavedSchema saved = store.save(local, uri, edited);

        Path file = store.fileFor(uri);
        assertThat(file.getParent()).isEqualTo(home.schemas());
        assertThat(file.getFileName().toString()).matches("[0-9a-f]{64}\\.json");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(home.schemas())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readString(file)).contains("\"uri\" : \"" + uri + "\"").contains("\"role\" : \"IGNORED\"");
        assertThat(saved.size()).isEqualTo(Files.size(csv));
        assertThat(store.load(uri)).map(SavedSchema::schema).hasValue(edited);

        SchemaInEffect inEffect = effective(store, uri);
        assertThat(inEffect.origin()).isEqualTo(SchemaInEffect.Origin.SAVED);
        assertThat(inEffect.schema()).isEqualTo(edited);
        assertThat(inEffect.rowsRead()).isEqualTo(-1);
        assertThat(inEffect.problems()).isEmpty();
        assertThat(inEffect.notes()).isEmpty();
    }

    @Test
    void aSavedSchemaWhoseColumnsAreNotTheHeaderIsReportedAndNotUsed() throws IOException {
        SchemaStore store = new SchemaStore(temp.resolve("schemas"));
        Path csv = Files.writeString(temp.resolve("ads.csv"), "ad_id,bid,clicked\na1,1.5,1\na2,2.5,0\n");
        BlobUri uri = BlobUri.local(csv);
        store.save(local, uri, effective(store, uri).schema().withRole("bid", ColumnRole.IGNORED));
        Files.writeString(csv, "ad_id,price,clicked\na1,1.5,1\na2,2.5,0\n");

        SchemaInEffect inEffect = effective(store, uri);

        assertThat(inEffect.origin()).isEqualTo(SchemaInEffect.Origin.INFERRED);
        assertThat(inEffect.schema().names()).containsExactly("ad_id", "price", "clicked");
        assertThat(inEffect.rowsRead()).isEqualTo(2);
        assertThat(inEffect.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProblemKind.HEADER_MISMATCH);
            assertThat(problem.toString()).startsWith(uri + ":1: the saved schema ")
                    .contains("[ad_id, bid, clicked], the header has [ad_id, price, clicked]");
        });
        assertThat(inEffect.notes()).singleElement().asString().contains("does not match the header");
        assertThatThrownBy(() -> store.save(local, uri, new Schema(java.util.List.of(
                new ColumnSchema("ad_id", 0, ColumnType.CATEGORICAL, ColumnRole.KEY)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(uri + ":1: the schema's columns [ad_id] are not the header's [ad_id, price, clicked]");
    }

    @Test
    void aChangedFileWithTheSameHeaderKeepsItsSchemaAndSaysSo() throws IOException {
        SchemaStore store = new SchemaStore(temp.resolve("schemas"));
        Path csv = Files.writeString(temp.resolve("ads.csv"), "bid,clicked\n1.5,1\n");
        BlobUri uri = BlobUri.local(csv);
        store.save(local, uri, effective(store, uri).schema());
        Files.writeString(csv, "bid,clicked\n1.5,1\n2.5,0\n");

        SchemaInEffect inEffect = effective(store, uri);

        assertThat(inEffect.origin()).isEqualTo(SchemaInEffect.Origin.SAVED);
        assertThat(inEffect.notes()).singleElement().asString().contains("The file changed since its schema was saved");
    }

    @Test
    void anUnreadableSavedSchemaIsReportedWithItsLineAndInferenceIsUsed() throws IOException {
        SchemaStore store = new SchemaStore(temp.resolve("schemas"));
        Path csv = Files.writeString(temp.resolve("ads.csv"), "bid,clicked\n1.5,1\n");
        BlobUri uri = BlobUri.local(csv);
        Files.createDirectories(store.folder());
        Files.writeString(store.fileFor(uri), "{\n \"format\" : 1,\n \"uri\" : \"" + uri + "\",\n \"columns\" : [ {\n"
                + "  \"name\" : \"bid\", \"type\" : \"DECIMAL\", \"role\" : \"FEATURE\" } ]\n}\n");

        assertThatThrownBy(() -> store.load(uri)).isInstanceOf(SchemaFileException.class)
                .hasMessageContaining(store.fileFor(uri) + ":1: column 'bid' has ColumnType 'DECIMAL'");
        SchemaInEffect inEffect = effective(store, uri);
        assertThat(inEffect.origin()).isEqualTo(SchemaInEffect.Origin.INFERRED);
        assertThat(inEffect.problems()).singleElement().asString().contains("cannot be read");

        Files.writeString(store.fileFor(uri), "{\n \"format\" : 1,\n \"uri\" : ");
        assertThatThrownBy(() -> store.load(uri)).isInstanceOf(SchemaFileException.class)
                .hasMessageStartingWith(store.fileFor(uri) + ":3: ");
        assertThat(store.delete(uri)).isTrue();
        assertThat(store.load(uri)).isEqualTo(Optional.empty());
    }
}
