package me.adsby.workbench.storage.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobNotFoundException;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobUri;

/**
 * Reads JPEG and PNG images from blob stores: their header only ({@link #probe}), or their pixels
 * ({@link #decode}), always refusing an image whose header claims more pixels than the limit before any
 * pixel is allocated. Decoded images are {@link BufferedImage#TYPE_INT_RGB}, or
 * {@link BufferedImage#TYPE_INT_ARGB} when they have alpha, whatever the file held (palette, grey,
 * 16 bits, CMYK JPEG through TwelveMonkeys). A truncated file (see the checks of its last bytes) is refused
 * by both, though decoders would fill the missing rows with grey. Thread-safe.
 */
public final class ImageDecoder {

    /** The default limit: 50 megapixels (about 200 MB decoded). */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    /** How much of a file a probe reads first: enough for the header of nearly every JPEG and PNG. */
    static final int HEADER_BYTES = 64 * 1024;

    /** The most a probe reads for a header (a JPEG with huge metadata before its frame header). */
    static final int MAX_HEADER_BYTES = 16 * 1024 * 1024;

    private final Function<BlobUri, BlobStore> stores;
    private final long maxPixels;

    public ImageDecoder(Function<BlobUri, BlobStore> stores) {
        this(stores, DEFAULT_MAX_PIXELS);
    }

    /**
     * @param stores    the store that holds a URI (e.g. the local store, or GCS for {@code gs://})
     * @param maxPixels images with more pixels (width times height) are refused
     */
    public ImageDecoder(Function<BlobUri, BlobStore> stores, long maxPixels) {
        this.stores = Objects.requireNonNull(stores, "stores");
        if (maxPixels < 1) {
            throw new IllegalArgumentException("The pixel limit must be positive, not " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /**
     * The object's metadata.
     *
     * @throws BlobNotFoundException when there is none
     */
    public BlobInfo stat(BlobUri uri) throws IOException {
        Optional<BlobInfo> info = store(uri).stat(uri);
        if (info.isEmpty()) {
            throw new BlobNotFoundException(uri + ": no such file or object", null);
        }
        return info.get();
    }

    /** What the image's header says; never throws for a bad image. Problems name the URI. */
    public ImageFacts probe(BlobUri uri) {
        return probe(uri, uri.toString());
    }

    /**
     * Decodes the whole image.
     *
     * @throws BlobNotFoundException   when there is no such object
     * @throws ImageTooLargeException  when its header claims more pixels than the limit
     * @throws IOException             naming the URI when it cannot be read or decoded
     */
    public BufferedImage decode(BlobUri uri) throws IOException {
        return decode(uri, 0).image();
    }

    /** An image decoded, perhaps subsampled, with the size the file declares. */
    record Decoded(BufferedImage image, int width, int height) {
    }

    /**
     * Decodes the image, skipping rows and columns (source subsampling) as long as its longest edge keeps at
     * least {@code minEdge} pixels; 0 decodes every pixel.
     */
    Decoded decode(BlobUri uri, int minEdge) throws IOException {
        byte[] bytes;
        try (InputStream in = store(uri).open(uri)) {
            bytes = in.readAllBytes();
        }
        return decode(bytes, uri.toString(), minEdge);
    }

    /**
     * Decodes a whole image held in memory (e.g. sent in a request), with the same checks as {@link #decode(BlobUri)}.
     *
     * @param subject what the bytes are, for messages
     * @throws ImageTooLargeException when its header claims more pixels than the limit
     * @throws IOException            naming the subject when the bytes are not a whole JPEG or PNG
     */
    public BufferedImage decode(byte[] bytes, String subject) throws IOException {
        return decode(bytes, subject, 0).image();
    }

    private Decoded decode(byte[] bytes, String uri, int minEdge) throws IOException {
        if (bytes.length == 0) {
            throw new IOException("Cannot decode image " + uri + ": the file is empty");
        }
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageFormat.Found found;
            try {
                found = ImageFormat.readerFor(input);
            } catch (ImageFormat.UnsupportedFormatException e) {
                throw failure(uri, e.getMessage(), e);
            }
            ImageReader reader = found.reader();
            try {
                reader.setInput(input, true, true);
                int width;
                int height;
                try {
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw failure(uri, "cannot read its header: " + reasonOf(e), e);
                }
                checkSize(uri, width, height);
                int tail = Math.min(bytes.length, ImageEnds.TAIL_BYTES);
                Optional<String> truncated = ImageEnds.problem(found.format(), bytes, bytes.length - tail, tail);
                if (truncated.isPresent()) {
                    throw failure(uri, truncated.get(), null);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = minEdge <= 0 ? 1 : Math.max(1, Math.max(width, height) / minEdge);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                try {
                    return new Decoded(RgbImages.toRgb(reader.read(0, param)), width, height);
                } catch (IOException | RuntimeException e) {
                    throw failure(uri, reasonOf(e), e);
                }
            } finally {
                reader.dispose();
            }
        }
    }

    private static IOException failure(String uri, String reason, Exception cause) {
        return new IOException("Cannot decode image " + uri + ": " + reason, cause);
    }

    ImageFacts probe(BlobUri uri, String subject) {
        BlobStore store;
        BlobInfo info;
        try {
            store = store(uri);
            Optional<BlobInfo> found = store.stat(uri);
            if (found.isEmpty()) {
                return facts(ImageStatus.MISSING, -1, subject + ": no such file or object");
            }
            info = found.get();
        } catch (BlobNotFoundException e) {
            return facts(ImageStatus.MISSING, -1, subject + ": " + reasonOf(e));
        } catch (IOException | RuntimeException e) {
            return facts(ImageStatus.UNREADABLE, -1, subject + ": " + reasonOf(e));
        }
        long size = info.size();
        if (size == 0) {
            return facts(ImageStatus.UNDECODABLE, 0, subject + ": the file is empty (0 bytes)");
        }
        try {
            return probeBytes(store, uri, subject, size);
        } catch (BlobNotFoundException e) {
            return facts(ImageStatus.MISSING, size, subject + ": " + reasonOf(e));
        } catch (IOException | RuntimeException e) {
            return facts(ImageStatus.UNREADABLE, size, subject + ": " + reasonOf(e));
        }
    }

    /** Reads the header, growing the read while the reader runs out of bytes; store errors are thrown. */
    private ImageFacts probeBytes(BlobStore store, BlobUri uri, String subject, long size) throws IOException {
        byte[] head = read(store, uri, 0, (int) Math.min(size, HEADER_BYTES));
        ImageFormat format;
        int width;
        int height;
        while (true) {
            try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(head))) {
                ImageFormat.Found found = ImageFormat.readerFor(input);
                ImageReader reader = found.reader();
                try {
                    reader.setInput(input, true, true);
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                    format = found.format();
                    break;
                } finally {
                    reader.dispose();
                }
            } catch (ImageFormat.UnsupportedFormatException e) {
                return facts(ImageStatus.UNDECODABLE, size, subject + ": " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                long wanted = Math.min(size, Math.min(MAX_HEADER_BYTES, (long) head.length * 4));
                byte[] more = wanted > head.length ? read(store, uri, head.length, (int) (wanted - head.length)) : new byte[0];
                if (more.length == 0) {
                    return facts(ImageStatus.UNDECODABLE, size, subject + ": cannot read its header: " + reasonOf(e));
                }
                byte[] grown = Arrays.copyOf(head, head.length + more.length);
                System.arraycopy(more, 0, grown, head.length, more.length);
                head = grown;
            }
        }
        try {
            checkSize(subject, width, height);
        } catch (ImageTooLargeException e) {
            return new ImageFacts(ImageStatus.TOO_LARGE, width, height, size, e.getMessage());
        }
        Optional<String> truncated = truncation(store, uri, format, head, size);
        if (truncated.isPresent()) {
            return new ImageFacts(ImageStatus.UNDECODABLE, width, height, size, subject + ": " + truncated.get());
        }
        return new ImageFacts(ImageStatus.OK, width, height, size, "");
    }

    private static Optional<String> truncation(BlobStore store, BlobUri uri, ImageFormat format, byte[] head, long size)
            throws IOException {
        if (head.length >= size) {
            int tail = Math.min(head.length, ImageEnds.TAIL_BYTES);
            return ImageEnds.problem(format, head, head.length - tail, tail);
        }
        long from = Math.max(0, size - ImageEnds.TAIL_BYTES);
        byte[] tail = read(store, uri, from, (int) (size - from));
        return ImageEnds.problem(format, tail, 0, tail.length);
    }

    private void checkSize(String subject, int width, int height) throws ImageTooLargeException {
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new ImageTooLargeException(String.format(Locale.ROOT,
                    "%s: %d x %d pixels (%.1f megapixels) is over the limit of %.1f megapixels",
                    subject, width, height, pixels / 1e6, maxPixels / 1e6), width, height);
        }
    }

    private static byte[] read(BlobStore store, BlobUri uri, long offset, int length) throws IOException {
        try (InputStream in = store.open(uri, offset, length)) {
            return in.readNBytes(length);
        }
    }

    BlobStore store(BlobUri uri) {
        return Objects.requireNonNull(stores.apply(uri), () -> "No blob store for " + uri);
    }

    private static ImageFacts facts(ImageStatus status, long bytes, String problem) {
        return new ImageFacts(status, 0, 0, bytes, problem);
    }

    private static String reasonOf(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
