package me.adsby.workbench.storage.blob;

import com.google.cloud.BaseServiceException;
import com.google.cloud.storage.StorageException;
import java.io.IOException;

/** Turns the GCS client's exceptions into Workbench's {@link IOException}s, with messages that name the URI. */
final class GcsErrors {

    private GcsErrors() {
    }

    /** The {@link StorageException} in {@code error}'s cause chain, or null. */
    static BaseServiceException storageCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BaseServiceException service) {
                return service;
            }
        }
        return null;
    }

    /** The exception to throw for {@code error} met while working on {@code uri}. */
    static IOException translate(Throwable error, BlobUri uri) {
        BaseServiceException service = storageCause(error);
        if (service == null) {
            if (error instanceof IOException io) {
                return new IOException(uri + ": " + io.getMessage(), io);
            }
            return new IOException(uri + ": " + error, error);
        }
        int code = service.getCode();
        String reason = service.getMessage();
        switch (code) {
            case 404:
                // GCS's text for a missing bucket; a missing object reads "No such object: bucket/name".
                boolean bucket = reason != null
                        && reason.toLowerCase(java.util.Locale.ROOT).contains("bucket does not exist");
                return new BlobNotFoundException(uri + ": " + (bucket ? "no such bucket" : "no such object"), error);
            case 401:
            case 403:
                return new BlobAccessDeniedException(uri + ": access denied (HTTP " + code + ") to object '"
                        + uri.path() + "' in bucket '" + uri.bucket() + "'. Check that you are logged in ("
                        + GcsClientFactory.LOGIN_HINT + ") and that the account has a role that allows this on the "
                        + "bucket (e.g. Storage Object Viewer to read, Storage Object User to write). Server said: "
                        + reason, error);
            case 412:
                return new PreconditionFailedException(uri + ": precondition failed (the object exists, or its "
                        + "generation changed since it was read)", error);
            default:
                return new IOException(uri + ": GCS request failed" + (code > 0 ? " (HTTP " + code + ")" : "")
                        + ": " + reason, error);
        }
    }
}
