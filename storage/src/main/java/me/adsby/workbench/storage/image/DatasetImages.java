package me.adsby.workbench.storage.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * The images of one dataset: its image cells resolved against the CSV's folder ({@link ImageReferences}),
 * probed from their headers and decoded ({@link ImageDecoder}). Problems name the cell as written and where
 * it led. Thread-safe.
 */
public final class DatasetImages implements ImageProbe {

    private final ImageReferences references;
    private final ImageDecoder decoder;

    /**
     * @param root   the dataset's folder (the CSV's parent)
     * @param stores the store for a URI: the dataset's own, or GCS for {@code gs://} references
     */
    public DatasetImages(BlobUri root, Function<BlobUri, BlobStore> stores) {
        this(root, new ImageDecoder(stores));
    }

    public DatasetImages(BlobUri root, ImageDecoder decoder) {
        this.references = new ImageReferences(root);
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** A dataset whose images all live in one store. */
    public static DatasetImages of(BlobUri root, BlobStore store) {
        Objects.requireNonNull(store, "store");
        return new DatasetImages(root, uri -> store);
    }

    public BlobUri root() {
        return references.root();
    }

    public ImageDecoder decoder() {
        return decoder;
    }

    /** Where a cell's image is, or why it cannot be looked up; reads nothing. */
    public ImageReference resolve(String reference) {
        return references.resolve(reference);
    }

    @Override
    public ImageFacts probe(String reference) {
        ImageReference resolved = references.resolve(reference);
        if (!resolved.resolved()) {
            return resolved.refusal();
        }
        return decoder.probe(resolved.uri(), resolved.describe());
    }

    /**
     * Decodes a cell's image whole (bounded by the pixel limit).
     *
     * @throws IOException naming the reference when it is refused, missing or cannot be decoded
     */
    public BufferedImage decode(String reference) throws IOException {
        ImageReference resolved = references.resolve(reference);
        if (!resolved.resolved()) {
            throw new IOException(resolved.problem());
        }
        return decoder.decode(resolved.uri());
    }

    /** Decodes an image whole (bounded by the pixel limit); see {@link ImageDecoder#decode(BlobUri)}. */
    public BufferedImage decode(BlobUri uri) throws IOException {
        return decoder.decode(uri);
    }
}
