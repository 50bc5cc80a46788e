package io.spate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spate cluster}: starts, stops and describes a session cluster running in the background. */
@Command(name = "cluster",
    description = "Starts, stops and describes a session cluster on this machine, run in the background with"
        + " its pid and log files under cluster.log-dir (log/ by default).",
    subcommands = {ClusterStartCommand.class, ClusterStopCommand.class, ClusterStatusCommand.class})
final class ClusterCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean help;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing command: choose one of start, stop, status.");
  }
}
