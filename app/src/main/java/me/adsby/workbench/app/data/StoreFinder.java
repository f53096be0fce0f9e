package me.adsby.workbench.app.data;

import java.io.IOException;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;

/** Finds the store that holds a URI: the local file system or Google Cloud Storage. Thread-safe. */
@FunctionalInterface
public interface StoreFinder {

    BlobStore forUri(BlobUri uri) throws IOException;
}
