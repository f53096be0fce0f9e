package me.adsby.workbench.storage.image;

import java.util.Optional;

/**
 * Tells a truncated image from a whole one by its last bytes, the usual fate of an interrupted upload.
 * Decoders forgive a missing end (grey rows), so it must be checked on purpose.
 *
 * <p>PNG: the tail must hold the {@code IEND} chunk. JPEG: the tail must hold the end-of-image marker
 * {@code FF D9}; when it does not, the file counts as truncated only if the tail looks like compressed scan
 * data (every {@code FF} followed by a stuffed {@code 00} or a restart marker), which is what a cut file
 * ends in. A JPEG followed by other data (some cameras append a video) is then not judged.
 */
final class ImageEnds {

    /** How many bytes at the end of a file are looked at. */
    static final int TAIL_BYTES = 1024;

    private static final byte[] IEND = {'I', 'E', 'N', 'D'};

    private ImageEnds() {
    }

    /** Why the file looks truncated, or empty when it ends well (or cannot be judged). */
    static Optional<String> problem(ImageFormat format, byte[] tail, int offset, int length) {
        return switch (format) {
            case PNG -> indexOf(tail, offset, length, IEND) >= 0 ? Optional.empty()
                    : Optional.of("truncated: no IEND chunk at its end");
            case JPEG -> jpegEnds(tail, offset, length) ? Optional.empty()
                    : Optional.of("truncated: it ends inside the compressed image data, without an end-of-image marker");
        };
    }

    private static boolean jpegEnds(byte[] tail, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i + 1 < end; i++) {
            if (tail[i] == (byte) 0xFF) {
                int next = tail[i + 1] & 0xFF;
                if (next == 0xD9) {
                    return true;
                }
                boolean scanData = next == 0x00 || (next >= 0xD0 && next <= 0xD7);
                if (!scanData) {
                    return true; // markers or foreign data after the image: not a cut scan, not judged
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] data, int offset, int length, byte[] needle) {
        for (int i = offset; i + needle.length <= offset + length; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = data[i + j] == needle[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
