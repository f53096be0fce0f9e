package me.adsby.workbench.storage.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * Thumbnails of dataset images: at most {@link #maxEdge()} pixels on their longest edge, aspect kept
 * (the other edge rounded half up, at least 1; smaller images are not enlarged). Made by decoding with
 * source subsampling down to about twice the size, then halving bilinear steps. Kept in a memory LRU
 * bounded by the bytes of their pixels and as PNG files under a folder (Workbench's
 * {@code <home>/cache/thumbnails}), keyed by the URI, the object's generation (for local files, its
 * modification time) and the edge: a changed object misses. Concurrent requests for one thumbnail decode
 * it once and get the same instance.
 *
 * <p>The returned images are shared: callers must not draw on them. Thread-safe. The disk cache is not
 * bounded; deleting its folder is always safe.
 */
public final class ThumbnailCache {

    /** The usual longest edge of a thumbnail, in pixels. */
    public static final int DEFAULT_MAX_EDGE = 160;

    /** The usual memory bound: 64 MiB, about 800 thumbnails of 160 x 133. */
    public static final long DEFAULT_MEMORY_BYTES = 64L * 1024 * 1024;

    /** Bumped when thumbnails are made differently, so old files miss. */
    private static final String FORMAT = "v1";

    /** How often a thumbnail came from memory, from disk, or was decoded from its image. */
    public record Counts(long memoryHits, long diskHits, long decodes) {
    }

    private final ImageDecoder decoder;
    private final int maxEdge;
    private final ThumbnailMemory memory;
    private final ThumbnailFiles files;
    private final ConcurrentHashMap<String, CompletableFuture<BufferedImage>> making = new ConcurrentHashMap<>();
    private final AtomicLong memoryHits = new AtomicLong();
    private final AtomicLong diskHits = new AtomicLong();
    private final AtomicLong decodes = new AtomicLong();

    public ThumbnailCache(ImageDecoder decoder, Path folder) {
        this(decoder, folder, DEFAULT_MAX_EDGE, DEFAULT_MEMORY_BYTES);
    }

    /**
     * @param folder      where thumbnail files go (created when needed)
     * @param maxEdge     the longest edge of a thumbnail, in pixels
     * @param memoryBytes the bound of the memory cache, in bytes of pixels (4 per pixel); 0 keeps none
     */
    public ThumbnailCache(ImageDecoder decoder, Path folder, int maxEdge, long memoryBytes) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        if (maxEdge < 1) {
            throw new IllegalArgumentException("A thumbnail's edge must be positive, not " + maxEdge);
        }
        this.maxEdge = maxEdge;
        this.memory = new ThumbnailMemory(memoryBytes);
        this.files = new ThumbnailFiles(Objects.requireNonNull(folder, "folder"));
    }

    public int maxEdge() {
        return maxEdge;
    }

    /**
     * The thumbnail of the image at {@code uri}; stats the object first to learn its generation.
     *
     * @throws IOException as {@link ImageDecoder#decode(BlobUri)} does, naming the URI
     */
    public BufferedImage thumbnail(BlobUri uri) throws IOException {
        return thumbnail(decoder.stat(uri));
    }

    /** The thumbnail of the object that {@code info} describes (e.g. from a listing): no stat needed. */
    public BufferedImage thumbnail(BlobInfo info) throws IOException {
        String key = keyOf(info);
        BufferedImage cached = memory.get(key);
        if (cached != null) {
            memoryHits.incrementAndGet();
            return cached;
        }
        CompletableFuture<BufferedImage> mine = new CompletableFuture<>();
        CompletableFuture<BufferedImage> running = making.putIfAbsent(key, mine);
        if (running != null) {
            return await(running, info.uri());
        }
        try {
            BufferedImage image = make(key, info.uri());
            mine.complete(image);
            return image;
        } catch (IOException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(key, mine);
        }
    }

    /** The whole image, decoded (bounded by the decoder's pixel limit); not cached. */
    public BufferedImage large(BlobUri uri) throws IOException {
        return decoder.decode(uri);
    }

    /** The size (width, height) of a thumbnail of a {@code width x height} image, by this cache's rule. */
    public int[] thumbnailSize(int width, int height) {
        return sizeFor(width, height, maxEdge);
    }

    public Counts counts() {
        return new Counts(memoryHits.get(), diskHits.get(), decodes.get());
    }

    /** Bytes of pixels now held in memory. */
    public long memoryBytes() {
        return memory.bytes();
    }

    /** Thumbnails now held in memory. */
    public int memoryCount() {
        return memory.count();
    }

    /** Forgets the thumbnails held in memory (the files stay). */
    public void clearMemory() {
        memory.clear();
    }

    static int[] sizeFor(int width, int height, int maxEdge) {
        if (width <= maxEdge && height <= maxEdge) {
            return new int[] {width, height};
        }
        if (width >= height) {
            return new int[] {maxEdge, (int) Math.max(1, Math.round((double) height * maxEdge / width))};
        }
        return new int[] {(int) Math.max(1, Math.round((double) width * maxEdge / height)), maxEdge};
    }

    private BufferedImage make(String key, BlobUri uri) throws IOException {
        // Another thread may have finished this key between our miss and our claim.
        BufferedImage image = memory.get(key);
        if (image != null) {
            memoryHits.incrementAndGet();
            return image;
        }
        image = files.read(key);
        if (image != null) {
            diskHits.incrementAndGet();
        } else {
            ImageDecoder.Decoded decoded = decoder.decode(uri, 2 * maxEdge);
            decodes.incrementAndGet();
            int[] size = sizeFor(decoded.width(), decoded.height(), maxEdge);
            image = RgbImages.scaleDown(decoded.image(), size[0], size[1]);
            files.write(key, image);
        }
        memory.put(key, image);
        return image;
    }

    private static BufferedImage await(CompletableFuture<BufferedImage> running, BlobUri uri) throws IOException {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("Interrupted waiting for the thumbnail of " + uri);
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("Cannot make the thumbnail of " + uri + ": " + cause, cause);
        }
    }

    private String keyOf(BlobInfo info) {
        return FORMAT + "\n" + info.uri() + "\n" + info.generation() + "\n" + maxEdge;
    }
}
