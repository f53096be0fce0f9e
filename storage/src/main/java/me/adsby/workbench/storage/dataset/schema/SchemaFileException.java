package me.adsby.workbench.storage.dataset.schema;

import java.io.IOException;
import java.nio.file.Path;

/** A saved schema's file that cannot be read as one; the message is {@code file:line: reason}. */
public final class SchemaFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String reason;

    public SchemaFileException(Path file, long line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
