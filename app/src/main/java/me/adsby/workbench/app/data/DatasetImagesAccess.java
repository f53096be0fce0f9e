package me.adsby.workbench.app.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.image.ImageProbe;

/**
 * The images of a dataset, as the Data screen needs them: a probe for statistics, thumbnails for the
 * gallery, and the full image of the selected row. Blocking; called off the FX thread. Thread-safe.
 */
public interface DatasetImagesAccess {

    /** A probe that resolves references against the CSV's folder. */
    ImageProbe probe(BlobUri csv) throws IOException;

    /** A small image (at most {@code maxEdge} pixels on its longer side), cached. */
    BufferedImage thumbnail(BlobUri csv, String reference) throws IOException;

    /** The whole image, refused when absurdly large. */
    BufferedImage full(BlobUri csv, String reference) throws IOException;
}
