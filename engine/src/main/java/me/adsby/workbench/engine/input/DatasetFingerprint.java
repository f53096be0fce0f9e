package me.adsby.workbench.engine.input;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobPage;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.work.Cancellation;

/**
 * The prepared cache's key: a SHA-256 over the preparation's settings and the dataset's content, cheap to
 * compute yet changing whenever the examples would.
 * <ul>
 *   <li>The CSV: its URI, size, generation and MD5 (GCS keeps one: a changed object has a new generation and
 *       MD5). A local CSV's bytes are hashed too, because a rewrite within one tick of the file system's clock
 *       keeps its modification time (its "generation"); reading it is cheap next to decoding images.</li>
 *   <li>The images, when the spec has an image column: one recursive listing of the dataset's folder (the
 *       CSV's parent: relative references must stay inside it), each object's relative name, size and
 *       generation, in name order (on GCS one request per 1,000 objects; no image is read). Anything that
 *       changes there changes the key, images the CSV does not reference included. Images outside the folder
 *       ({@code gs://} references elsewhere) cannot be listed this way: the cache records their size and
 *       generation and a cache hit stats them again.</li>
 *   <li>Files below {@code cacheFolder}, when it lies inside the dataset's folder, are left out.</li>
 * </ul>
 */
final class DatasetFingerprint {

    private static final int PAGE = BlobStore.DEFAULT_PAGE_SIZE;

    private DatasetFingerprint() {
    }

    static String key(String settings, StoreLookup stores, BlobUri csv, boolean images, Path cacheFolder,
                      Cancellation cancel) throws IOException {
        MessageDigest digest = sha256();
        try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            out.writeUTF(settings);
            BlobStore store = stores.forUri(csv);
            Optional<BlobInfo> stat = store.stat(csv);
            if (stat.isEmpty()) {
                throw new BlobNotFoundException(csv + ": no such file or object", null);
            }
            BlobInfo info = stat.get();
            out.writeUTF(csv.toString());
            out.writeLong(info.size());
            out.writeLong(info.generation());
            out.writeUTF(info.md5() == null ? "-" : info.md5());
            if (!csv.isGcs()) {
                try (InputStream in = store.open(csv)) {
                    in.transferTo(out);
                }
            }
            if (images) {
                listFolder(out, stores, csv.parent().asFolder(), cacheFolder, cancel);
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 20);
    }

    private static void listFolder(DataOutputStream out, StoreLookup stores, BlobUri root, Path cacheFolder,
                                   Cancellation cancel) throws IOException {
        BlobStore store = stores.forUri(root);
        BlobUri skip = root.isGcs() ? null : BlobUri.local(cacheFolder);
        String token = null;
        int prefix = root.toString().length();
        do {
            cancel.throwIfCancelled();
            BlobPage page = store.list(root, null, PAGE, token);
            for (BlobInfo object : page.objects()) {
                if (skip != null && skip.contains(object.uri())) {
                    continue;
                }
                String name = object.uri().toString();
                out.writeUTF(name.length() > prefix ? name.substring(prefix) : name);
                out.writeLong(object.size());
                out.writeLong(object.generation());
            }
            token = page.nextPageToken();
        } while (token != null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
