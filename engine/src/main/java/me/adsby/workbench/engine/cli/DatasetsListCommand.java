package me.adsby.workbench.engine.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import me.adsby.workbench.storage.blob.BlobInfo;
import me.adsby.workbench.storage.blob.BlobPage;
import me.adsby.workbench.storage.blob.BlobStore;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench datasets list URI}: the folders and objects under a location, page by page as they arrive
 * (a bucket of millions is streamed, never held).
 */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List folders and objects under a local folder or a gs:// prefix.")
final class DatasetsListCommand extends DatasetsSubcommand {

    @Parameters(paramLabel = "URI", description = "gs://bucket/prefix, an absolute path or a file: URI.")
    private String uri;

    @Option(names = "--recursive", description = "Everything below, not just one level.")
    private boolean recursive;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N entries (default: all).")
    private long limit = Long.MAX_VALUE;


    @Override
    public Integer call() throws Exception {
        BlobUri location = parse(uri);
        PrintWriter out = out();
        try (BlobStores stores = openStores();
                Listing listing = json ? new JsonListing(out, location) : new TextListing(out)) {
            BlobStore store = stores.forUri(location);
            BlobUri prefix = location.asFolder();
            long shown = 0;
            String token = null;
            do {
                BlobPage page = store.list(prefix, recursive ? null : "/", BlobStore.DEFAULT_PAGE_SIZE, token);
                for (BlobUri folder : page.folders()) {
                    if (shown++ >= limit) {
                        listing.truncated();
                        return 0;
                    }
                    listing.folder(folder);
                }
                for (BlobInfo object : page.objects()) {
                    if (shown++ >= limit) {
                        listing.truncated();
                        return 0;
                    }
                    listing.object(object);
                }
                token = page.nextPageToken();
            } while (token != null);
        }
        return 0;
    }

    /** Where the entries go as they arrive. */
    private interface Listing extends AutoCloseable {
        void folder(BlobUri folder) throws java.io.IOException;

        void object(BlobInfo object) throws java.io.IOException;

        void truncated();

        @Override
        void close() throws java.io.IOException;
    }

    /** One line per entry: size, updated time, URI; folders end in a slash. */
    private static final class TextListing implements Listing {
        private final PrintWriter out;

        TextListing(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void folder(BlobUri folder) {
            out.printf("%12s  %-24s  %s%n", "", "", folder);
        }

        @Override
        public void object(BlobInfo object) {
            out.printf("%12d  %-24s  %s%n", object.size(), object.updated() == null ? "" : object.updated(),
                    object.uri());
        }

        @Override
        public void truncated() {
            out.println("(stopped at --limit)");
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /** {@code {"uri", "entries": [{"uri", "folder", "size", "updated", "generation"}...], "truncated"}}, streamed. */
    private static final class JsonListing implements Listing {
        private final JsonGenerator json;
        private boolean truncated;

        JsonListing(PrintWriter out, BlobUri location) throws java.io.IOException {
            json = JsonMapper.builder().build().getFactory().createGenerator(out);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("uri", location.toString());
            json.writeArrayFieldStart("entries");
        }

        @Override
        public void folder(BlobUri folder) throws java.io.IOException {
            json.writeStartObject();
            json.writeStringField("uri", folder.toString());
            json.writeBooleanField("folder", true);
            json.writeEndObject();
        }

        @Override
        public void object(BlobInfo object) throws java.io.IOException {
            json.writeStartObject();
            json.writeStringField("uri", object.uri().toString());
            json.writeBooleanField("folder", false);
            json.writeNumberField("size", object.size());
            json.writeStringField("updated", object.updated() == null ? null : object.updated().toString());
            json.writeNumberField("generation", object.generation());
            json.writeEndObject();
        }

        @Override
        public void truncated() {
            truncated = true;
        }

        @Override
        public void close() throws java.io.IOException {
            json.writeEndArray();
            json.writeBooleanField("truncated", truncated);
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        }
    }
}
