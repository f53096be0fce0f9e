package me.adsby.workbench.engine.input;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a prepared cache file: training records into a temporary file (after room for the header),
 * validation records into a second one; {@link #commit} appends the validation records and the trailer,
 * writes the header, forces the bytes to disk and moves the file into place atomically. Until then nothing
 * is at the target path; {@link #close} without a commit deletes the temporary files. Not thread-safe.
 */
final class CacheWriter implements Closeable {

    private static final int BUFFER_BYTES = 1 << 20;

    private final Path target;
    private final RecordLayout layout;
    private final Path trainTemp;
    private final Path validationTemp;
    private final FileChannel train;
    private final FileChannel validation;
    private final ByteBuffer trainBuffer;
    private final ByteBuffer validationBuffer;
    private final byte[] zeros;
    private long trainCount;
    private long trainPositives;
    private long validationCount;
    private boolean committed;

    CacheWriter(Path target, RecordLayout layout) throws IOException {
        this.target = target;
        this.layout = layout;
        Path folder = target.getParent();
        Files.createDirectories(folder);
        String name = target.getFileName().toString();
        this.trainTemp = Files.createTempFile(folder, name + ".", ".partial");
        this.validationTemp = Files.createTempFile(folder, name + ".", ".validation.partial");
        FileChannel first = null;
        try {
            first = FileChannel.open(trainTemp, StandardOpenOption.WRITE, StandardOpenOption.READ);
            this.train = first;
            this.validation = FileChannel.open(validationTemp, StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            if (first != null) {
                first.close();
            }
            Files.deleteIfExists(trainTemp);
            Files.deleteIfExists(validationTemp);
            throw e;
        }
        train.position(CacheFile.HEADER_BYTES);
        int size = Math.max(BUFFER_BYTES, layout.bytes());
        this.trainBuffer = ByteBuffer.allocateDirect(size).order(ByteOrder.LITTLE_ENDIAN);
        this.validationBuffer = ByteBuffer.allocateDirect(size).order(ByteOrder.LITTLE_ENDIAN);
        this.zeros = new byte[layout.pixelBytes()];
    }

    /** Appends one example to its split's records; {@code pixels} may be null (all zeros). */
    void write(Split split, float label, long row, float[] numeric, int[] categorical, byte[] pixels) throws IOException {
        boolean isTrain = split == Split.TRAIN;
        ByteBuffer buffer = isTrain ? trainBuffer : validationBuffer;
        if (buffer.remaining() < layout.bytes()) {
            drain(buffer, isTrain ? train : validation);
        }
        buffer.putFloat(label).putLong(row);
        for (float value : numeric) {
            buffer.putFloat(value);
        }
        for (int value : categorical) {
            buffer.putInt(value);
        }
        if (layout.pixelBytes() > 0) {
            buffer.put(pixels == null ? zeros : pixels, 0, layout.pixelBytes());
        }
        if (isTrain) {
            trainCount++;
            if (label > 0.5f) {
                trainPositives++;
            }
        } else {
            validationCount++;
        }
    }

    /** Training records whose label is 1. */
    long trainPositives() {
        return trainPositives;
    }

    long count(Split split) {
        return split == Split.TRAIN ? trainCount : validationCount;
    }

    /** Finishes the file with {@code trailer} (JSON bytes) and moves it into place; returns the target. */
    Path commit(byte[] trailer) throws IOException {
        drain(trainBuffer, train);
        drain(validationBuffer, validation);
        long at = train.position();
        long length = validation.size();
        long copied = 0;
        while (copied < length) {
            copied += validation.transferTo(copied, length - copied, train);
        }
        long trailerOffset = at + length;
        train.position(trailerOffset);
        writeFully(train, ByteBuffer.wrap(trailer));
        ByteBuffer header = ByteBuffer.allocate(CacheFile.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(CacheFile.MAGIC).putInt(CacheFile.VERSION).putInt(layout.bytes())
                .putLong(trainCount).putLong(validationCount).putLong(trailerOffset).putLong(trailer.length);
        header.position(0);
        train.position(0);
        writeFully(train, header);
        train.force(true);
        train.close();
        validation.close();
        try {
            Files.move(trainTemp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(trainTemp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        Files.deleteIfExists(validationTemp);
        return target;
    }

    private static void drain(ByteBuffer buffer, FileChannel channel) throws IOException {
        buffer.flip();
        writeFully(channel, buffer);
        buffer.clear();
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (FileChannel channel : new FileChannel[] {train, validation}) {
            try {
                channel.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (!committed) {
            Files.deleteIfExists(trainTemp);
            Files.deleteIfExists(validationTemp);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
