package me.adsby.workbench.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code workbench datasets}: look at datasets in local folders and GCS buckets. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List, profile, validate and compare CSV datasets (local paths or gs:// URIs), and edit their schemas.",
        subcommands = {DatasetsListCommand.class, DatasetsStatsCommand.class, DatasetsValidateCommand.class,
            DatasetsDriftCommand.class, DatasetsSchemaCommand.class})
final class DatasetsCommand implements Runnable {

    @ParentCommand
    private WorkbenchCommand workbench;

    WorkbenchCommand workbench() {
        return workbench;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Say what to do: list, stats, validate, drift or schema");
    }
}
