package me.adsby.workbench.engine.model;

import java.nio.file.Path;

/** Test main: loads an exported model in a fresh JVM, scores a batch file, writes the probabilities. */
public final class ScoreInFreshJvm {

    private ScoreInFreshJvm() {
    }

    /** Arguments: the SavedModel folder, the batch file, the output file. */
    public static void main(String[] args) throws Exception {
        try (ServingModel model = ServingModel.load(Path.of(args[0]))) {
            BatchFiles.writeFloats(Path.of(args[2]), model.predict(BatchFiles.read(Path.of(args[1]))));
        }
    }
}
