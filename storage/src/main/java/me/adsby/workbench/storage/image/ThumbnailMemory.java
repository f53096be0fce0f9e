package me.adsby.workbench.storage.image;

import java.awt.image.BufferedImage;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** A least-recently-used map of thumbnails bounded by the bytes of their pixels. Thread-safe. */
final class ThumbnailMemory {

    private final long maxBytes;
    private final LinkedHashMap<String, BufferedImage> images = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    ThumbnailMemory(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("The memory bound cannot be negative: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    synchronized BufferedImage get(String key) {
        return images.get(key);
    }

    /** Keeps the image, evicting the least recently used ones to stay within the bound. */
    synchronized void put(String key, BufferedImage image) {
        long size = RgbImages.bytesOf(image);
        if (size > maxBytes) {
            return;
        }
        BufferedImage old = images.put(key, image);
        if (old != null) {
            bytes -= RgbImages.bytesOf(old);
        }
        bytes += size;
        Iterator<Map.Entry<String, BufferedImage>> eldest = images.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= RgbImages.bytesOf(eldest.next().getValue());
            eldest.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int count() {
        return images.size();
    }

    synchronized void clear() {
        images.clear();
        bytes = 0;
    }
}
