package me.adsby.workbench.engine.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * A prepared cache file, opened for reading. The layout, little-endian:
 * <pre>
 * 0   8 bytes  magic "WBPREP01"
 * 8   int32    format version ({@value #VERSION})
 * 12  int32    bytes per record (see {@link RecordLayout})
 * 16  int64    training records
 * 24  int64    validation records
 * 32  int64    offset of the trailer
 * 40  int64    length of the trailer
 * 48  16 bytes reserved (0)
 * 64  the training records, then the validation records, each of a fixed size
 * ... the trailer: UTF-8 JSON ({@link CacheTrailer}: string table, statistics, report)
 * </pre>
 * Files are written whole by {@link CacheWriter} and moved into place atomically, so a file that exists is
 * complete; one that does not read back as expected (another version, bytes damaged) is treated as absent.
 */
final class CacheFile {

    static final byte[] MAGIC = {'W', 'B', 'P', 'R', 'E', 'P', '0', '1'};
    static final int VERSION = 3;
    static final int HEADER_BYTES = 64;
    static final String EXTENSION = ".wbprep";

    private final Path path;
    private final RecordLayout layout;
    private final CacheTrailer trailer;

    private CacheFile(Path path, RecordLayout layout, CacheTrailer trailer) {
        this.path = path;
        this.layout = layout;
        this.trailer = trailer;
    }

    /**
     * Opens the file when it is a complete cache of this key and layout; empty when it is absent or is not
     * (then it is rebuilt and replaced).
     */
    static Optional<CacheFile> open(Path path, String key, RecordLayout layout) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize < HEADER_BYTES) {
                return Optional.empty();
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, header, 0);
            header.flip();
            byte[] magic = new byte[MAGIC.length];
            header.get(magic);
            int version = header.getInt();
            int recordBytes = header.getInt();
            long train = header.getLong();
            long validation = header.getLong();
            long trailerOffset = header.getLong();
            long trailerLength = header.getLong();
            boolean sane = Arrays.equals(magic, MAGIC) && version == VERSION && recordBytes == layout.bytes()
                    && train >= 0 && validation >= 0 && trailerLength > 0 && trailerLength < Integer.MAX_VALUE
                    && trailerOffset == HEADER_BYTES + (train + validation) * recordBytes
                    && trailerOffset + trailerLength == fileSize;
            if (!sane) {
                return Optional.empty();
            }
            ByteBuffer json = ByteBuffer.allocate((int) trailerLength);
            readFully(channel, json, trailerOffset);
            CacheTrailer trailer;
            try {
                trailer = CacheJson.read(json.array());
            } catch (IOException e) {
                return Optional.empty();
            }
            if (!key.equals(trailer.key()) || trailer.trainCount() != train || trailer.validationCount() != validation) {
                return Optional.empty();
            }
            return Optional.of(new CacheFile(path, layout, trailer));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException(position + ": unexpected end of the cache file");
            }
            at += read;
        }
    }

    Path path() {
        return path;
    }

    RecordLayout layout() {
        return layout;
    }

    CacheTrailer trailer() {
        return trailer;
    }

    /** Maps the records for reading. */
    ExampleRecords mapRecords() throws IOException {
        long count = trailer.trainCount() + trailer.validationCount();
        return ExampleRecords.map(path, HEADER_BYTES, count, layout, trailer.strings().toArray(String[]::new));
    }
}
