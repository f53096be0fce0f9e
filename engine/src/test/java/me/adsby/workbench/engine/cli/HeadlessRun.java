package me.adsby.workbench.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the headless command line on a test home and keeps what it printed. */
final class HeadlessRun {

    private final Path home;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    HeadlessRun(Path home) {
        this.home = home;
    }

    /** Runs {@code workbench --home HOME args...} and returns its exit status. */
    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = home.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        return WorkbenchCli.create(null, opened -> { }, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(withHome);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }
}
