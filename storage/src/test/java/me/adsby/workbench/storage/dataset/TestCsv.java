package me.adsby.workbench.storage.dataset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds in-memory CSV sources for tests. */
public final class TestCsv {

    private TestCsv() {
    }

    public static CsvSource text(String name, String text) {
        return CsvSource.of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Concatenates strings (as UTF-8) and raw byte arrays. */
    public static CsvSource bytes(String name, Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] b = part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(b);
        }
        return CsvSource.of(name, out.toByteArray());
    }
}
