package me.adsby.workbench.storage.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A GCS download stream whose read errors become Workbench's exceptions that name the URI. */
final class TranslatingInputStream extends FilterInputStream {

    private final BlobUri uri;

    TranslatingInputStream(InputStream in, BlobUri uri) {
        super(in);
        this.uri = uri;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException | RuntimeException e) {
            throw GcsErrors.translate(e, uri);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException | RuntimeException e) {
            throw GcsErrors.translate(e, uri);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException | RuntimeException e) {
            throw GcsErrors.translate(e, uri);
        }
    }
}
