package me.adsby.workbench.engine.cli;

import me.adsby.workbench.storage.blob.BlobUri;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parses a URI argument, turning a bad one into a usage error that says why. */
final class Uris {

    private Uris() {
    }

    static BlobUri parse(CommandSpec spec, String text) {
        try {
            return BlobUri.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
