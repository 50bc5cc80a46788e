package io.spate.cli;

import io.spate.cli.rest.RestClientException;
import io.spate.examples.ExampleRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code spate} command: runs the demo, the bundled examples and job jars on an embedded local cluster. */
@Command(
    name = "spate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Runs Spate stream processing jobs on an embedded local cluster or a session cluster"
        + " (cluster start, jobmanager, run -m), and operates running jobs through their REST API (list, savepoint,"
        + " stop, cancel)."},
    subcommands = {DemoCommand.class, RunCommand.class, RunApplicationCommand.class, TaskManagerCommand.class, ExampleCommand.class, SqlCommand.class, ListCommand.class, SavepointCommand.class,
        StopCommand.class, CancelCommand.class, InfoCommand.class, TaskManagersCommand.class, JobManagerCommand.class,
        ClusterCommand.class, PortCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Run 'spate <command> --help' for the options of a command."})
public final class SpateCli implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: choose one of demo, run, run-application,"
        + " example, sql, list, info, savepoint, stop, cancel, taskmanagers, jobmanager, taskmanager, cluster, port.");
  }

  /** Creates the command line with Spate's error handling and argument pass-through rules. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new SpateCli());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          failed.getErr().println(exception instanceof RestClientException
              || exception instanceof io.spate.runtime.config.ConfigFileException
              ? "Error: " + exception.getMessage()
              : FailureMessage.describe(exception));
          return failed.getCommandSpec().exitCodeOnExecutionException();
        });
    // run: its own options come first; the first argument it does not know starts the job's arguments.
    commandLine.getSubcommands().get("run").setStopAtUnmatched(true);
    // example: everything after the example's name belongs to the example.
    commandLine.getSubcommands().get("example").setStopAtPositional(true);
    commandLine.getSubcommands().get("example").getCommandSpec().usageMessage()
        .footer(System.lineSeparator() + ExampleCommand.examplesTable(ExampleRegistry.all()));
    // demo: every argument belongs to the demo, including --help.
    commandLine.getSubcommands().get("demo").setUnmatchedOptionsArePositionalParams(true);
    commandLine.getSubcommands().get("demo").setStopAtPositional(true);
    return commandLine;
  }

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    int exitCode = newCommandLine().execute(args);
    System.out.flush();
    System.err.flush();
    System.exit(exitCode);
  }
}
