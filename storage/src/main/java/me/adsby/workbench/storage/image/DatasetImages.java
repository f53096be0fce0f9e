package me.adsby.workbench.storage.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * The images of one dataset: its image cells resolved against the CSV's folder ({@link ImageReferences}),
 * probed from their headers and decoded ({@link ImageDecoder}). Problems name the cell as written and where
 * it led.
 *
 * <p>One rule for every reader (validation, statistics, training, the gallery): a reference is used only when
 * it stays below the dataset's folder lexically and, where the store has symbolic links (a local folder),
 * when its real path (links followed) stays below the folder's real path too ({@link #locate}). A link
 * inside {@code images/} that points elsewhere is {@link ImageStatus#OUTSIDE_ROOT}. Thread-safe.
 */
public final class DatasetImages implements ImageProbe {

    private final ImageReferences references;
    private final ImageDecoder decoder;
    /** The root's real location, once known; null before (or when the root cannot be resolved). */
    private volatile BlobUri realRoot;

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

    /** Where a cell's image is, or why it cannot be looked up, by the lexical rule only; reads nothing. */
    public ImageReference resolve(String reference) {
        return references.resolve(reference);
    }

    /**
     * Where a cell's image is by the whole rule: {@link #resolve}, then {@link #confine}. Reads the file
     * system for a local dataset (its real paths); call it off any UI thread.
     */
    public ImageReference locate(String reference) {
        return confine(references.resolve(reference));
    }

    /**
     * A resolved reference below the dataset's folder, refused as {@link ImageStatus#OUTSIDE_ROOT} when its
     * real path (symbolic links followed) leaves the folder's real path. Other references are returned as they
     * are: refused ones, {@code gs://} ones elsewhere, and ones whose real path cannot be known (nothing there,
     * a store failure), which reading then reports.
     */
    public ImageReference confine(ImageReference reference) {
        if (!reference.resolved() || !root().contains(reference.uri())) {
            return reference;
        }
        BlobUri real;
        BlobUri rootReal;
        try {
            BlobStore store = decoder.store(reference.uri());
            rootReal = realRoot(store);
            real = store.realLocation(reference.uri());
        } catch (IOException | RuntimeException e) {
            return reference;
        }
        if (rootReal.contains(real) && !real.equals(rootReal)) {
            return reference;
        }
        return ImageReference.refused(reference.text(), ImageStatus.OUTSIDE_ROOT, reference.describe()
                + " leads to " + real + " (symbolic links followed), outside the dataset's folder " + root());
    }

    private BlobUri realRoot(BlobStore store) throws IOException {
        BlobUri known = realRoot;
        if (known == null) {
            known = store.realLocation(root()).asFolder();
            realRoot = known;
        }
        return known;
    }

    @Override
    public ImageFacts probe(String reference) {
        ImageReference located = locate(reference);
        if (!located.resolved()) {
            return located.refusal();
        }
        return decoder.probe(located.uri(), located.describe());
    }

    /**
     * Decodes a cell's image whole (bounded by the pixel limit).
     *
     * @throws IOException naming the reference when it is refused, missing or cannot be decoded
     */
    public BufferedImage decode(String reference) throws IOException {
        return decode(references.resolve(reference));
    }

    /**
     * Decodes the image of a reference that {@link #resolve} gave, after checking it by {@link #confine}.
     *
     * @throws BlobNotFoundException when there is no such file or object
     * @throws IOException           naming the reference when it is refused or cannot be decoded
     */
    public BufferedImage decode(ImageReference reference) throws IOException {
        ImageReference located = confine(reference);
        if (!located.resolved()) {
            throw new IOException(located.problem());
        }
        return decoder.decode(located.uri());
    }

    /** Decodes an image whole (bounded by the pixel limit); see {@link ImageDecoder#decode(BlobUri)}. */
    public BufferedImage decode(BlobUri uri) throws IOException {
        return decoder.decode(uri);
    }
}
