package me.adsby.workbench.engine.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import me.adsby.workbench.storage.home.WorkbenchHome;
import me.adsby.workbench.storage.work.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the {@code workbench} command line: parsing, help, and how failures become exit statuses.
 *
 * <p>Exit statuses: 0 success, 1 failure (the message names what failed), 2 bad usage, 130 cancelled.
 */
public final class WorkbenchCli {

    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_CANCELLED = 130;

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchCli.class);

    private WorkbenchCli() {
    }

    /**
     * @param desktop      opens the desktop app when no command is given; null in a headless build
     * @param onHomeOpened told each time a command opens the Workbench home (the app attaches its log file)
     */
    public static CommandLine create(DesktopOpener desktop, Consumer<WorkbenchHome> onHomeOpened,
            Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new WorkbenchCommand(desktop, onHomeOpened, environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(WorkbenchCli::handleParameterException);
        commandLine.setExecutionExceptionHandler((failure, command, parseResult) -> {
            if (failure instanceof CancellationException) {
                command.getErr().println("workbench: cancelled");
                return EXIT_CANCELLED;
            }
            LOG.error("{} failed", command.getCommandName(), failure);
            command.getErr().println("workbench " + command.getCommandName() + ": error: " + Failures.describe(failure));
            return EXIT_FAILURE;
        });
        return commandLine;
    }

    /** Runs the command line with the process's environment and standard streams. */
    public static int run(DesktopOpener desktop, Consumer<WorkbenchHome> onHomeOpened, String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return create(desktop, onHomeOpened, System.getenv(), out, err).execute(args);
    }

    private static int handleParameterException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("workbench: " + problem.getMessage());
        UnmatchedArgumentException.printSuggestions(problem, err);
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        return EXIT_USAGE;
    }
}
