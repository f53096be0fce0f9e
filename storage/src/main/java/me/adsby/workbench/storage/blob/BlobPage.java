package me.adsby.workbench.storage.blob;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param folders       the "folders" (prefixes that end at the delimiter) on this page, as URIs ending in {@code /}
 * @param objects       the objects on this page, in name order
 * @param nextPageToken the token for the next page, or null on the last page
 */
public record BlobPage(List<BlobUri> folders, List<BlobInfo> objects, String nextPageToken) {

    public BlobPage {
        folders = List.copyOf(folders);
        objects = List.copyOf(objects);
    }

    public boolean hasNext() {
        return nextPageToken != null;
    }
}
