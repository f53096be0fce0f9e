package me.adsby.workbench.storage.image;

/**
 * What a probe learned of one image reference, from the image's header only.
 *
 * @param width   pixels, or 0 when unknown
 * @param height  pixels, or 0 when unknown
 * @param bytes   the file's size, or -1 when unknown
 * @param problem why the status is not {@link ImageStatus#OK}, for people; empty when OK
 */
public record ImageFacts(ImageStatus status, int width, int height, long bytes, String problem) {

    public boolean ok() {
        return status == ImageStatus.OK;
    }
}
