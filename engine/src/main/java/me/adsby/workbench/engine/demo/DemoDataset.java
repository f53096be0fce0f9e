package me.adsby.workbench.engine.demo;

import java.nio.file.Path;

/**
 * A demo dataset as written.
 *
 * @param directory the folder that holds it (absolute)
 * @param csv       its {@code ads.csv}
 * @param rows      ads written
 * @param clicks    ads with {@code clicked = 1}
 */
public record DemoDataset(Path directory, Path csv, int rows, int clicks) {
}
