package me.adsby.workbench.storage.image;

import static org.assertj.core.api.Assertions.assertThat;

import me.adsby.workbench.storage.blob.BlobUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferencesTest {

    private final ImageReferences local = new ImageReferences(BlobUri.parse("/data/ads"));
    private final ImageReferences gcs = new ImageReferences(BlobUri.parse("gs://bucket/data/ads/"));

    @Test
    void relativePathResolvesBelowTheRoot() {
        ImageReference reference = local.resolve("images/a.png");

        assertThat(reference.status()).isEqualTo(ImageStatus.OK);
        assertThat(reference.uri()).isEqualTo(BlobUri.parse("/data/ads/images/a.png"));
        assertThat(reference.problem()).isEmpty();
    }

    @Test
    void dotDotThatStaysInsideIsFine() {
        assertThat(local.resolve("a/../b.png").uri()).isEqualTo(BlobUri.parse("/data/ads/b.png"));
        assertThat(local.resolve("./images/./c.jpg").uri()).isEqualTo(BlobUri.parse("/data/ads/images/c.jpg"));
    }

    @Test
    void blanksAroundTheCellAreIgnored() {
        assertThat(local.resolve("  images/a.png \t").uri()).isEqualTo(BlobUri.parse("/data/ads/images/a.png"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"images/../../etc/passwd", "../ads2/a.png", "..", "a/../../b.png",
            "..\\..\\etc\\passwd", "images\\..\\..\\x.png"})
    void pathsLeavingTheRootAreRefused(String text) {
        ImageReference reference = local.resolve(text);

        assertThat(reference.status()).isEqualTo(ImageStatus.OUTSIDE_ROOT);
        assertThat(reference.uri()).isNull();
        assertThat(reference.problem()).contains("'" + text + "'").contains("/data/ads");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "C:/images/a.png", "c:\\images\\a.png", "file:/etc/passwd",
            "https://example.com/a.png", "\\\\server\\share\\a.png"})
    void absolutePathsAndOtherUrisAreRefused(String text) {
        ImageReference reference = local.resolve(text);

        assertThat(reference.status()).isEqualTo(ImageStatus.OUTSIDE_ROOT);
        assertThat(reference.problem()).contains("'" + text + "'").contains("absolute path or a URI");
    }

    @Test
    void backslashesCountAsSlashes() {
        assertThat(local.resolve("images\\a.png").uri()).isEqualTo(BlobUri.parse("/data/ads/images/a.png"));
    }

    @Test
    void blankCellsAreEmpty() {
        assertThat(local.resolve("").status()).isEqualTo(ImageStatus.EMPTY);
        assertThat(local.resolve("   ").status()).isEqualTo(ImageStatus.EMPTY);
        assertThat(local.resolve(null).status()).isEqualTo(ImageStatus.EMPTY);
        assertThat(local.resolve("").refusal()).isEqualTo(new ImageFacts(ImageStatus.EMPTY, 0, 0, -1,
                "the image cell is empty"));
    }

    @Test
    void gcsUrisAreTakenAsTheyAre() {
        ImageReference reference = local.resolve("gs://other-bucket/x/../a.jpg");

        assertThat(reference.status()).isEqualTo(ImageStatus.OK);
        assertThat(reference.uri()).isEqualTo(BlobUri.gcs("other-bucket", "x/../a.jpg"));
    }

    @Test
    void malformedGcsUrisAndFoldersCannotNameAnImage() {
        assertThat(local.resolve("gs://").status()).isEqualTo(ImageStatus.MISSING);
        assertThat(local.resolve("gs:///a.png").status()).isEqualTo(ImageStatus.MISSING);
        assertThat(local.resolve("gs://bucket/folder/").status()).isEqualTo(ImageStatus.MISSING);
    }

    @Test
    void theRootItselfAndNulCharactersCannotNameAnImage() {
        assertThat(local.resolve("images/..").status()).isEqualTo(ImageStatus.MISSING);
        assertThat(local.resolve(".").status()).isEqualTo(ImageStatus.MISSING);
        ImageReference nul = local.resolve("a\0.png");
        assertThat(nul.status()).isEqualTo(ImageStatus.MISSING);
        assertThat(nul.problem()).contains("NUL");
    }

    @Test
    void relativePathsUnderAGcsRoot() {
        assertThat(gcs.resolve("img/a.png").uri()).isEqualTo(BlobUri.gcs("bucket", "data/ads/img/a.png"));
        assertThat(gcs.resolve("img/../b.png").uri()).isEqualTo(BlobUri.gcs("bucket", "data/ads/b.png"));
        assertThat(gcs.resolve("../ads2/a.png").status()).isEqualTo(ImageStatus.OUTSIDE_ROOT);
    }

    @Test
    void aBucketRootCannotBeLeftEither() {
        ImageReferences bucketRoot = new ImageReferences(BlobUri.gcs("bucket", ""));

        assertThat(bucketRoot.resolve("a/b.png").uri()).isEqualTo(BlobUri.gcs("bucket", "a/b.png"));
        assertThat(bucketRoot.resolve("../x.png").status()).isEqualTo(ImageStatus.OUTSIDE_ROOT);
    }

    @Test
    void describeNamesTheCellAndWhereItLed() {
        assertThat(local.resolve("images/a.png").describe()).isEqualTo("'images/a.png' (/data/ads/images/a.png)");
        assertThat(local.resolve("gs://b/a.png").describe()).isEqualTo("'gs://b/a.png'");
    }
}
