package me.adsby.workbench.storage.blob;

import java.io.IOException;

/** A {@link WriteCondition} did not hold: the object exists, or its generation moved on. */
public final class PreconditionFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    public PreconditionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
