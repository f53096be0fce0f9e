package me.adsby.workbench.storage.image;

/**
 * Resolves a dataset's image reference (a path relative to the CSV's folder, or a {@code gs://} URI) and
 * reads the image's header: enough to know it exists, decodes and how big it is, without decoding pixels.
 * Never throws for a bad image: the facts say what is wrong. Thread-safe.
 */
@FunctionalInterface
public interface ImageProbe {

    ImageFacts probe(String reference);
}
