package me.adsby.workbench.engine.input;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The records of a prepared cache, memory-mapped (in segments of whole records below 2 GiB each), turned
 * into {@link Batch}es by copying: floats and longs by absolute reads, pixels by one bulk copy per example
 * then a widening loop to floats. Thread-safe for reading (absolute reads only).
 */
final class ExampleRecords {

    private final MappedByteBuffer[] segments;
    private final int perSegment;
    private final long count;
    private final RecordLayout layout;
    private final String[] strings;

    private ExampleRecords(MappedByteBuffer[] segments, int perSegment, long count, RecordLayout layout, String[] strings) {
        this.segments = segments;
        this.perSegment = perSegment;
        this.count = count;
        this.layout = layout;
        this.strings = strings;
    }

    static ExampleRecords map(Path file, long offset, long count, RecordLayout layout, String[] strings)
            throws IOException {
        int recordBytes = layout.bytes();
        int perSegment = Math.max(1, Integer.MAX_VALUE / recordBytes);
        int segmentCount = (int) ((count + perSegment - 1) / perSegment);
        MappedByteBuffer[] segments = new MappedByteBuffer[segmentCount];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int s = 0; s < segmentCount; s++) {
                long first = (long) s * perSegment;
                long records = Math.min(perSegment, count - first);
                segments[s] = channel.map(FileChannel.MapMode.READ_ONLY, offset + first * recordBytes, records * recordBytes);
                segments[s].order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        return new ExampleRecords(segments, perSegment, count, layout, strings);
    }

    long count() {
        return count;
    }

    /**
     * How often each value of categorical column {@code column} occurs in the records {@code from} to
     * {@code from + size - 1}; values that never occur there are absent.
     */
    java.util.Map<String, Long> valueCounts(long from, long size, int column) {
        int[] tally = new int[strings.length];
        int at = layout.categoricalOffset() + 4 * column;
        for (long index = from; index < from + size; index++) {
            MappedByteBuffer segment = segments[(int) (index / perSegment)];
            tally[segment.getInt((int) (index % perSegment) * layout.bytes() + at)]++;
        }
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        for (int i = 0; i < tally.length; i++) {
            if (tally[i] > 0) {
                counts.merge(strings[i], (long) tally[i], Long::sum);
            }
        }
        return counts;
    }

    /**
     * A batch of the records {@code base + order[from + i]} (or {@code base + from + i} when {@code order} is
     * null) for {@code i < size}.
     */
    Batch batch(long base, int[] order, int from, int size) {
        int numericCount = layout.numeric();
        int categoricalCount = layout.categorical();
        int pixelBytes = layout.pixelBytes();
        float[] labels = new float[size];
        long[] rows = new long[size];
        float[] numeric = new float[size * numericCount];
        String[] categorical = new String[size * categoricalCount];
        float[] pixels = new float[Math.multiplyExact(size, pixelBytes)];
        byte[] scratch = new byte[pixelBytes];
        int categoricalOffset = layout.categoricalOffset();
        int pixelOffset = layout.pixelOffset();
        for (int i = 0; i < size; i++) {
            long index = base + (order == null ? from + i : order[from + i]);
            MappedByteBuffer segment = segments[(int) (index / perSegment)];
            int at = (int) (index % perSegment) * layout.bytes();
            labels[i] = segment.getFloat(at + RecordLayout.LABEL);
            rows[i] = segment.getLong(at + RecordLayout.ROW);
            for (int k = 0; k < numericCount; k++) {
                numeric[i * numericCount + k] = segment.getFloat(at + RecordLayout.NUMERIC + 4 * k);
            }
            for (int k = 0; k < categoricalCount; k++) {
                categorical[i * categoricalCount + k] = strings[segment.getInt(at + categoricalOffset + 4 * k)];
            }
            if (pixelBytes > 0) {
                segment.get(at + pixelOffset, scratch, 0, pixelBytes);
                widen(scratch, pixels, i * pixelBytes);
            }
        }
        return new Batch(size, numeric, categorical, pixels, labels, rows);
    }

    private static void widen(byte[] bytes, float[] out, int offset) {
        for (int j = 0; j < bytes.length; j++) {
            out[offset + j] = bytes[j] & 0xFF;
        }
    }
}
