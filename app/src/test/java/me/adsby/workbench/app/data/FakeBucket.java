package me.adsby.workbench.app.data;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobPage;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.blob.WriteCondition;

/**
 * A bucket of object names held in memory, listed with GCS's paging rules (one level with "/", prefixes as
 * folders, pages in name order, the token being the last name returned). Counts the list calls.
 */
final class FakeBucket implements BlobStore {

    private final String bucket;
    private final TreeSet<String> names = new TreeSet<>();
    int listCalls;

    FakeBucket(String bucket) {
        this.bucket = bucket;
    }

    FakeBucket add(String name) {
        names.add(name);
        return this;
    }

    @Override
    public BlobPage list(BlobUri prefix, String delimiter, int pageSize, String pageToken) throws IOException {
        listCalls++;
        if (!prefix.bucket().equals(bucket)) {
            throw new BlobNotFoundException("gs://" + prefix.bucket() + ": no such bucket", null);
        }
        List<BlobUri> folders = new ArrayList<>();
        List<BlobInfo> objects = new ArrayList<>();
        String last = null;
        String previousFolder = null;
        for (String name : pageToken == null ? names.tailSet(prefix.path(), true) : names.tailSet(pageToken, false)) {
            if (!name.startsWith(prefix.path())) {
                break;
            }
            if (folders.size() + objects.size() == pageSize) {
                return new BlobPage(folders, objects, last);
            }
            String rest = name.substring(prefix.path().length());
            int slash = rest.indexOf('/');
            if (delimiter != null && slash >= 0) {
                String folder = prefix.path() + rest.substring(0, slash + 1);
                if (!folder.equals(previousFolder)) {
                    folders.add(BlobUri.gcs(bucket, folder));
                    previousFolder = folder;
                }
                // Skip the rest of this folder, like GCS.
                last = names.floor(folder + Character.MAX_VALUE);
                continue;
            }
            objects.add(new BlobInfo(BlobUri.gcs(bucket, name), name.length(), Instant.EPOCH, 1, 1, null, null, null));
            last = name;
        }
        return new BlobPage(folders, objects, null);
    }

    @Override
    public Optional<BlobInfo> stat(BlobUri uri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public InputStream open(BlobUri uri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public InputStream open(BlobUri uri, long offset, long length) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BlobInfo write(BlobUri uri, InputStream content, String contentType, WriteCondition condition) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(BlobUri uri, WriteCondition condition) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BlobInfo copy(BlobUri source, BlobUri target, WriteCondition condition) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
