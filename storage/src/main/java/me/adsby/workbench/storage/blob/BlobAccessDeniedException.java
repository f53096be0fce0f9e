package me.adsby.workbench.storage.blob;

import java.io.IOException;

/**
 * The store refused the caller (GCS 401 or 403, or local permissions). The message names the bucket and
 * object and says what to check (credentials, the account's roles).
 */
public final class BlobAccessDeniedException extends IOException {

    private static final long serialVersionUID = 1L;

    public BlobAccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
