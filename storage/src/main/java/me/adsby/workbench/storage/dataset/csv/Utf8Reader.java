package me.adsby.workbench.storage.dataset.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly: a decoder set to {@link CodingErrorAction#REPORT}, so every malformed byte sequence
 * is seen. Each one becomes {@link #MARK} (U+FFFD) in the text and is counted in {@link #pendingMalformed()},
 * so that the row reader can find and flag the row that holds it: replacement characters never pass
 * silently. Drops a leading byte order mark. Counts the bytes read, for progress. Not thread-safe.
 */
final class Utf8Reader extends Reader {

    /** What a malformed byte sequence becomes in the text. */
    static final char MARK = '\uFFFD';

    private static final char BOM = '\uFEFF';

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private boolean endOfInput;
    private boolean flushed;
    private boolean first = true;
    private long bytesRead;
    private long pendingMalformed;

    Utf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    /** Bytes taken from the stream so far. */
    long bytesRead() {
        return bytesRead;
    }

    /** Malformed sequences decoded (as {@link #MARK}) and not yet {@linkplain #claimMalformed claimed}. */
    long pendingMalformed() {
        return pendingMalformed;
    }

    /** Tells the reader that {@code n} malformed sequences were found in rows. */
    void claimMalformed(long n) {
        pendingMalformed = Math.max(0, pendingMalformed - n);
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    private void fill() throws IOException {
        chars.clear();
        while (chars.position() == 0 && !flushed) {
            if (!bytes.hasRemaining() || !endOfInput && bytes.remaining() < 4) {
                readBytes();
            }
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                bytes.position(bytes.position() + result.length());
                chars.put(MARK);
                pendingMalformed++;
            } else if (result.isUnderflow() && endOfInput) {
                result = decoder.flush(chars);
                if (result.isUnderflow()) {
                    flushed = true;
                }
            }
            if (result.isOverflow()) {
                break;
            }
        }
        chars.flip();
        if (first && chars.hasRemaining()) {
            first = false;
            if (chars.get(chars.position()) == BOM) {
                chars.get();
            }
        }
    }

    private void readBytes() throws IOException {
        if (endOfInput) {
            return;
        }
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
            bytesRead += n;
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
