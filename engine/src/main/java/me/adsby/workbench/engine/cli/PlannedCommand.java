package me.adsby.workbench.engine.cli;

import java.util.List;
import java.util.Optional;

/**
 * Commands of the design that this build does not have yet. {@code --help} lists them apart from the
 * commands that work, and typing one says plainly that it is not there yet, instead of "unknown command".
 */
enum PlannedCommand {
    DATASETS("datasets", "list URI | stats CSV_URI | validate CSV_URI | drift BASE_URI CANDIDATE_URI"),
    TRAIN("train", "--data CSV_URI --label COL [--recipe tabular|image|multimodal] ... : train a model in a worker"),
    RUNS("runs", "list | show RUN_ID | cancel RUN_ID | delete RUN_ID"),
    EVALUATE("evaluate", "RUN_ID|MODEL_DIR --data CSV_URI : score a model on a dataset"),
    METRICS("metrics", "--predictions CSV --label-column C --score-column S [--slice-column K]"),
    COMPARE("compare", "RUN_ID... [--baseline RUN_ID] : metrics with intervals and verdicts"),
    PUBLISH("publish", "RUN_ID --model-name NAME [--registry URI] [--label production|staging]"),
    REGISTRY("registry", "list | show NAME | rollback NAME | label NAME VERSION LABEL"),
    SERVE("serve", "[--registry URI] [--port 8501] : TF Serving's REST API from the registry"),
    WORKER("worker", "--run-dir URI : the process that trains one run (internal)");

    private final String commandName;
    private final String synopsis;

    PlannedCommand(String commandName, String synopsis) {
        this.commandName = commandName;
        this.synopsis = synopsis;
    }

    String commandName() {
        return commandName;
    }

    static Optional<PlannedCommand> named(String name) {
        for (PlannedCommand command : values()) {
            if (command.commandName.equals(name)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }

    /** Lines for the help footer, aligned like picocli's command list. */
    static List<String> helpLines() {
        return java.util.Arrays.stream(values())
                .map(command -> String.format("  %-11s %s", command.commandName, command.synopsis))
                .toList();
    }
}
