package me.adsby.workbench.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import me.adsby.workbench.engine.registry.Registry;
import me.adsby.workbench.engine.serve.PredictionServer;
import me.adsby.workbench.engine.serve.ServerOptions;
import me.adsby.workbench.storage.blob.BlobStores;
import me.adsby.workbench.storage.home.WorkbenchHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code workbench serve}: the registry over TF Serving's REST API until stopped (Ctrl+C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the registry over TF Serving's REST API: GET /v1/models/NAME[/versions/V|/labels/L]"
            + "[/metadata],", "POST /v1/models/NAME[/versions/V|/labels/L]:predict with {\"instances\": [{column: value,"
            + " ...}]}", "or {\"inputs\": {column: [value, ...]}}; images as {\"b64\": ...} or files under --image-root."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private WorkbenchCommand workbench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--registry", paramLabel = "URI", description = "The registry: a folder or gs:// prefix."
            + " Default: <home>/registry.")
    String registryUri;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8501", description = "Default: 8501.")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on. Default: 127.0.0.1 (this machine only).")
    String host;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "16777216",
            description = "Larger request bodies are refused (413). Default: 16 MiB.")
    long maxBodyBytes;

    @Option(names = "--image-root", paramLabel = "DIR", description = {"A folder whose files requests may name as images"
        + " (repeatable; real paths, no symlink escape). Without one, images are sent only as {\"b64\": ...}."})
    List<Path> imageRoots = new ArrayList<>();

    @Option(names = "--max-instances", paramLabel = "N", defaultValue = "1000",
            description = "The most instances one request may hold (400 beyond). Default: 1000.")
    int maxInstances;

    @Override
    public Integer call() throws IOException, InterruptedException {
        WorkbenchHome home = workbench.openHome();
        CountDownLatch stopped = new CountDownLatch(1);
        try (BlobStores stores = workbench.openStores()) {
            Registry registry = RegistryCommand.open(home, stores, registryUri, null);
            ServerOptions options = ServerOptions.defaults().withHost(host).withPort(port).withMaxBodyBytes(maxBodyBytes)
                    .withMaxInstances(maxInstances).withImageRoots(imageRoots);
            if (!options.loopbackOnly()) {
                spec.commandLine().getErr().printf("workbench: warning: serving on %s, which other machines can reach;"
                        + " this server has no authentication or TLS: put it behind a proxy that has both%n", host);
            }
            java.io.PrintWriter err = spec.commandLine().getErr();
            try (PredictionServer server = PredictionServer.start(registry, options, message -> {
                err.println("workbench serve: " + message);
                err.flush();
            })) {
                Thread hook = new Thread(stopped::countDown, "serve-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                spec.commandLine().getOut().printf("Serving %s on http://%s:%d/v1/models/ (Ctrl+C stops)%n", registry.root(),
                        server.host(), server.port());
                spec.commandLine().getOut().flush();
                stopped.await();
            }
        }
        return 0;
    }
}
