package me.adsby.workbench.engine.cli;

import java.util.List;
import java.util.Optional;

/**
 * Commands of the design that this build does not have yet. {@code --help} lists them apart from the
 * commands that work, and typing one says plainly that it is not there yet, instead of "unknown command".
 */
enum PlannedCommand {
    PUBLISH("publish", "publish a run's model to the serving registry");

    private final String commandName;
    private final String summary;

    PlannedCommand(String commandName, String summary) {
        this.commandName = commandName;
        this.summary = summary;
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
                .map(command -> String.format("  %-10s %s", command.commandName, command.summary))
                .toList();
    }
}
