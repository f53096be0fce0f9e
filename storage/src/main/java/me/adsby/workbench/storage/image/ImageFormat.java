package me.adsby.workbench.storage.image;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/** The image formats a dataset may hold, and finding ImageIO's reader for one (TwelveMonkeys' JPEG first). */
enum ImageFormat {
    JPEG("jpeg"),
    PNG("png");

    private final String imageIoName;

    ImageFormat(String imageIoName) {
        this.imageIoName = imageIoName;
    }

    /** A reader found for an input that is not JPEG or PNG; the message says what it is, for people. */
    static final class UnsupportedFormatException extends IOException {

        private static final long serialVersionUID = 1L;

        UnsupportedFormatException(String message) {
            super(message);
        }
    }

    /** A reader found by the input's first bytes, with its format. */
    record Found(ImageFormat format, ImageReader reader) {
    }

    /**
     * The reader for a JPEG or PNG input, positioned at the start; the caller sets the input and disposes it.
     *
     * @throws UnsupportedFormatException when the bytes are another format or none that ImageIO knows
     */
    static Found readerFor(ImageInputStream input) throws IOException {
        String other = null;
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            ImageFormat format = of(reader.getOriginatingProvider());
            if (format != null) {
                return new Found(format, reader);
            }
            if (other == null) {
                other = reader.getFormatName().toUpperCase(Locale.ROOT);
            }
            reader.dispose();
        }
        if (other != null) {
            throw new UnsupportedFormatException("a " + other + " image; only JPEG and PNG are supported");
        }
        throw new UnsupportedFormatException("not a JPEG or PNG image");
    }

    private static ImageFormat of(ImageReaderSpi provider) {
        if (provider == null) {
            return null;
        }
        for (String name : provider.getFormatNames()) {
            for (ImageFormat format : values()) {
                if (format.imageIoName.equalsIgnoreCase(name)) {
                    return format;
                }
            }
        }
        return null;
    }
}
