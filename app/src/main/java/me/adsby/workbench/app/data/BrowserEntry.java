package me.adsby.workbench.app.data;

import java.time.Instant;
import java.util.Locale;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * One row of the browser: a folder (a GCS prefix or a local folder) or an object.
 *
 * @param size    bytes, or -1 for a folder
 * @param updated last change, or null for a folder
 */
public record BrowserEntry(String name, BlobUri uri, boolean folder, long size, Instant updated) {

    static BrowserEntry folder(BlobUri uri) {
        return new BrowserEntry(uri.name() + "/", uri, true, -1, null);
    }

    static BrowserEntry object(BlobInfo info) {
        return new BrowserEntry(info.uri().name(), info.uri(), false, info.size(), info.updated());
    }

    /** Whether this is a CSV table that the dataset view can open. */
    public boolean isCsv() {
        return !folder && name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
