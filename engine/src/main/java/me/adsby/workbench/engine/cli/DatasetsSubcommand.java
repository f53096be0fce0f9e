package me.adsby.workbench.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.blob.BlobUri;
import me.adsby.workbench.storage.dataset.schema.SchemaStore;
import me.adsby.workbench.storage.work.ProgressListener;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What the {@code datasets} commands share: {@code --json}, the stores, progress on standard error. */
abstract class DatasetsSubcommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @ParentCommand
    private DatasetsCommand datasets;

    @Spec
    CommandSpec spec;

    BlobStores openStores() throws IOException {
        return datasets.workbench().openStores();
    }

    /** The saved schemas of the home that {@code --home} names. */
    SchemaStore schemaStore() throws IOException {
        return SchemaStore.of(datasets.workbench().openHome());
    }

    BlobUri parse(String text) {
        return Uris.parse(spec, text);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Progress on standard error, unless the output is JSON (which scripts read). */
    ProgressListener progress(String what) {
        return json ? ProgressListener.NONE : new ConsoleProgress(spec.commandLine().getErr(), what);
    }
}
