package me.adsby.workbench.engine.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.CsvSource;
import me.adsby.workbench.storage.dataset.csv.CsvRowReader;

/**
 * Refuses a run request that cannot train before any run is created, from the files' headers alone: the label,
 * the image, excluded and split columns must exist, and a validation or test file must exist and have the
 * dataset's columns. A refused request leaves nothing in the history.
 */
final class RequestCheck {

    private RequestCheck() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong */
    static void check(BlobStores stores, RunRequest request) throws IOException {
        BlobUri dataset = BlobUri.parse(request.dataset());
        List<String> header = header(stores, dataset);
        List<String> named = new ArrayList<>();
        named.add(request.label());
        if (request.imageColumn() != null) {
            named.add(request.imageColumn());
        }
        named.addAll(request.exclude());
        if (request.split().column() != null) {
            named.add(request.split().column());
        }
        for (String column : named) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException(dataset + " has no column '" + column + "'; its columns are " + header);
            }
        }
        sameColumns(stores, dataset, header, request.split().validationData(), "validation");
        sameColumns(stores, dataset, header, request.split().testData(), "test");
    }

    private static void sameColumns(BlobStores stores, BlobUri dataset, List<String> header, String other, String what)
            throws IOException {
        if (other == null) {
            return;
        }
        BlobUri uri = BlobUri.parse(other);
        if (stores.forUri(uri).stat(uri).isEmpty()) {
            throw new IllegalArgumentException("the " + what + " file " + uri + " does not exist");
        }
        List<String> columns = header(stores, uri);
        if (!columns.equals(header)) {
            throw new IllegalArgumentException("the " + what + " file " + uri + " has the columns " + columns
                    + ", not the dataset's " + header + " (" + dataset + ")");
        }
    }

    private static List<String> header(BlobStores stores, BlobUri uri) throws IOException {
        try (CsvRowReader rows = CsvRowReader.open(CsvSource.of(stores.forUri(uri), uri))) {
            return rows.header();
        }
    }
}
