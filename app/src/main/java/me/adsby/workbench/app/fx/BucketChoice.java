package me.adsby.workbench.app.fx;

/**
 * A Google Cloud Storage bucket the user chose to browse.
 *
 * @param bucket  the bucket's name, possibly followed by a prefix ({@code my-bucket/2026/})
 * @param project the project to bill and to find the bucket in, or empty for the credentials' default
 */
public record BucketChoice(String bucket, String project) {
}
