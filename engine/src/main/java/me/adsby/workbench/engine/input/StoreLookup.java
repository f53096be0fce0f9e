package me.adsby.workbench.engine.input;

import java.io.IOException;

import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;

/** The blob store that holds a URI; {@link BlobStores#forUri} is one. Thread-safe. */
@FunctionalInterface
public interface StoreLookup {

    BlobStore forUri(BlobUri uri) throws IOException;

    /** The lookup of a {@link BlobStores}. */
    static StoreLookup of(BlobStores stores) {
        return stores::forUri;
    }
}
