package me.adsby.workbench.storage.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thumbnails as PNG files under a folder: {@code <folder>/<2 hex>/<SHA-256 of the key>.png}. Written to a
 * temporary file and moved into place, so a reader sees a whole file or none. A file that cannot be read is
 * deleted and counts as absent. Thread-safe.
 */
final class ThumbnailFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailFiles.class);

    private final Path folder;

    ThumbnailFiles(Path folder) {
        this.folder = folder;
    }

    Path fileFor(String key) {
        String hash = sha256(key);
        return folder.resolve(hash.substring(0, 2)).resolve(hash + ".png");
    }

    /** The cached thumbnail, or null. */
    BufferedImage read(String key) {
        Path file = fileFor(key);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image != null) {
                return RgbImages.toRgb(image);
            }
            if (!Files.exists(file)) {
                return null;
            }
            LOG.warn("Thumbnail {} is not a PNG image; it will be made again", file);
        } catch (IOException | RuntimeException e) {
            if (!Files.exists(file)) {
                return null;
            }
            LOG.warn("Thumbnail {} cannot be read ({}); it will be made again", file, e.getMessage());
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete the unreadable thumbnail {}: {}", file, e.getMessage());
        }
        return null;
    }

    /** Writes the thumbnail; a failure (full disk, read-only folder) is logged, not thrown. */
    void write(String key, BufferedImage image) {
        Path file = fileFor(key);
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), "thumbnail-", ".tmp");
            writePng(image, temp);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            LOG.warn("Cannot write the thumbnail {}: {}", file, e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (NoSuchFileException ignored) {
                    // gone already
                } catch (IOException e) {
                    LOG.warn("Cannot delete {}: {}", temp, e.getMessage());
                }
            }
        }
    }

    /** PNG with a light deflate level (2 of 9): a little larger, faster to write than ImageIO's default. */
    private static void writePng(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.75f); // the JDK's writer uses deflate level (int) (9 * (1 - quality))
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static String sha256(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
