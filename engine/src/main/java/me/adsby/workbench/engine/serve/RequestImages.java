package me.adsby.workbench.engine.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import me.adsby.workbench.storage.blob.LocalBlobStore;
import me.adsby.workbench.storage.image.ImageDecoder;

/**
 * The images a request may carry, read as a hostile client would hope they are not:
 * <ul>
 *   <li>{@code {"b64": "..."}}: PNG or JPEG bytes, at most {@link ServerOptions#maxImageBytes} once decoded
 *       from base64 (checked on the base64 text's length first);</li>
 *   <li>a path of a regular file whose real path (symlinks resolved) lies under one of the server's image
 *       roots ({@code --image-root}), no bigger than the byte limit.</li>
 * </ul>
 * Nothing else is ever read: no other local path, no device ({@code /dev/zero}), no {@code gs://} object (the
 * server's credentials are not the client's). An image whose header claims more than
 * {@link ServerOptions#maxImagePixels} is refused before its pixels are decoded. Thread-safe.
 */
final class RequestImages {

    private final List<Path> roots;
    private final long maxBytes;
    private final ImageDecoder decoder;

    /**
     * @throws IOException when an image root does not exist or is not a folder
     */
    RequestImages(ServerOptions options) throws IOException {
        List<Path> real = new ArrayList<>();
        for (Path root : options.imageRoots()) {
            Path resolved = root.toAbsolutePath().toRealPath();
            if (!Files.isDirectory(resolved)) {
                throw new IOException("The image root " + root + " is not a folder");
            }
            real.add(resolved);
        }
        this.roots = List.copyOf(real);
        this.maxBytes = options.maxImageBytes();
        LocalBlobStore local = new LocalBlobStore();
        this.decoder = new ImageDecoder(uri -> local, options.maxImagePixels());
    }

    /** The folders a request may name files under, by real path. */
    List<Path> roots() {
        return roots;
    }

    /** Decodes the image a request's value names; {@code subject} names the value in messages. */
    BufferedImage decode(JsonNode value, String subject) throws BadRequestException {
        byte[] bytes;
        if (value.isObject() && value.size() == 1 && value.has("b64") && value.get("b64").isTextual()) {
            bytes = base64(value.get("b64").textValue(), subject);
        } else if (value.isTextual()) {
            bytes = file(value.textValue(), subject);
        } else {
            throw BadRequestException.badRequest(subject + ": expects {\"b64\": \"...\"} (PNG or JPEG bytes)"
                    + (roots.isEmpty() ? "" : " or the path of a file under " + roots) + ", found " + kind(value));
        }
        try {
            return decoder.decode(bytes, subject);
        } catch (IOException e) {
            throw BadRequestException.badRequest(e.getMessage());
        }
    }

    private byte[] base64(String text, String subject) throws BadRequestException {
        // Four base64 characters make three bytes: refuse on the text's length before decoding anything.
        if (text.length() / 4 * 3L > maxBytes + 3) {
            throw tooLarge(subject);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (bytes.length > maxBytes) {
                throw tooLarge(subject);
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw BadRequestException.badRequest(subject + ": b64 is not base64 (" + e.getMessage() + ")");
        }
    }

    private byte[] file(String text, String subject) throws BadRequestException {
        if (roots.isEmpty()) {
            throw BadRequestException.badRequest(subject + ": images are sent as {\"b64\": \"...\"}; this server reads"
                    + " no file a request names (start it with --image-root DIR to allow files under DIR)");
        }
        Path real;
        try {
            Path named = Path.of(text);
            if (!named.isAbsolute()) {
                throw BadRequestException.badRequest(subject + ": '" + text + "' is not an absolute path under " + roots);
            }
            real = named.toRealPath();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw BadRequestException.badRequest(subject + ": no readable file under the image roots " + roots
                    + " is named '" + text + "'");
        }
        if (roots.stream().noneMatch(real::startsWith)) {
            throw BadRequestException.badRequest(subject + ": '" + text + "' is outside the image roots " + roots);
        }
        try {
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                throw BadRequestException.badRequest(subject + ": '" + text + "' is not a regular file");
            }
            if (Files.size(real) > maxBytes) {
                throw tooLarge(subject);
            }
            try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
                byte[] bytes = in.readNBytes((int) maxBytes + 1);
                if (bytes.length > maxBytes) {
                    throw tooLarge(subject);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw BadRequestException.badRequest(subject + ": cannot read '" + text + "': " + e.getMessage());
        }
    }

    private BadRequestException tooLarge(String subject) {
        return BadRequestException.badRequest(subject + ": the image is over the limit of " + maxBytes + " bytes");
    }

    private static String kind(JsonNode value) {
        return value.isObject() ? "an object with " + value.size() + " field(s)" : value.getNodeType().toString().toLowerCase(
                java.util.Locale.ROOT);
    }
}
