package me.adsby.workbench.storage.blob;

import java.io.IOException;

/** No object (or bucket) is at the URI. The message names it. */
public final class BlobNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    public BlobNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
