package me.adsby.workbench.engine.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import me.adsby.workbench.engine.input.Batch;

/** Writes and reads a batch and float arrays as files, to hand them to another JVM in tests. */
final class BatchFiles {

    private BatchFiles() {
    }

    static void write(Batch batch, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(batch.size());
            writeFloats(out, batch.numeric());
            out.writeInt(batch.categorical().length);
            for (String value : batch.categorical()) {
                out.writeUTF(value);
            }
            writeFloats(out, batch.pixels());
            writeFloats(out, batch.labels());
            for (long row : batch.rows()) {
                out.writeLong(row);
            }
        }
    }

    static Batch read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int size = in.readInt();
            float[] numeric = readFloats(in);
            String[] categorical = new String[in.readInt()];
            for (int i = 0; i < categorical.length; i++) {
                categorical[i] = in.readUTF();
            }
            float[] pixels = readFloats(in);
            float[] labels = readFloats(in);
            long[] rows = new long[size];
            for (int i = 0; i < size; i++) {
                rows[i] = in.readLong();
            }
            return new Batch(size, numeric, categorical, pixels, labels, rows);
        }
    }

    static void writeFloats(Path file, float[] values) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            writeFloats(out, values);
        }
    }

    static float[] readFloats(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return readFloats(in);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
