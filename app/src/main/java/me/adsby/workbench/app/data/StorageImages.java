package me.adsby.workbench.app.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.image.DatasetImages;
import me.adsby.workbench.storage.image.ImageDecoder;
import me.adsby.workbench.storage.image.ImageProbe;
import me.adsby.workbench.storage.image.ImageReference;
import me.adsby.workbench.storage.image.ThumbnailCache;

/** Dataset images through the storage module: references resolved in the CSV's folder, thumbnails cached. */
public final class StorageImages implements DatasetImagesAccess {

    private final StoreProvider stores;
    private final ThumbnailCache thumbnails;

    /** @param thumbnailFolder where thumbnails are kept on disk ({@code <home>/cache/thumbnails}) */
    public StorageImages(StoreProvider stores, Path thumbnailFolder) {
        this.stores = stores;
        this.thumbnails = new ThumbnailCache(new ImageDecoder(stores.asFunction()), thumbnailFolder);
    }

    @Override
    public ImageProbe probe(BlobUri csv) {
        return images(csv);
    }

    @Override
    public BufferedImage thumbnail(BlobUri csv, String reference) throws IOException {
        return thumbnails.thumbnail(resolve(csv, reference));
    }

    @Override
    public BufferedImage full(BlobUri csv, String reference) throws IOException {
        return thumbnails.large(resolve(csv, reference));
    }

    private DatasetImages images(BlobUri csv) {
        return new DatasetImages(csv.parent(), stores.asFunction());
    }

    private BlobUri resolve(BlobUri csv, String reference) throws IOException {
        ImageReference resolved = images(csv).locate(reference);
        if (!resolved.resolved()) {
            throw new IOException(resolved.problem());
        }
        return resolved.uri();
    }
}
