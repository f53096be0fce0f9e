package me.adsby.workbench.storage.image;

import java.io.IOException;

/** An image's header claims more pixels than the limit; it was refused before any pixel was decoded. */
public final class ImageTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int width;
    private final int height;

    public ImageTooLargeException(String message, int width, int height) {
        super(message);
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
