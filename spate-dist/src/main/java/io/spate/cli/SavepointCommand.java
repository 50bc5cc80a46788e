package io.spate.cli;

import io.spate.cli.rest.RestClientException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code spate savepoint}: takes a savepoint of a running job through the REST API. */
@Command(name = "savepoint", description = "Takes a savepoint of a running job and prints its path.")
final class SavepointCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterOptions cluster;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Parameters(index = "0", paramLabel = "<job id>", description = "The job, as 'spate list' shows it.")
  private String jobId;

  @Parameters(index = "1", arity = "0..1", paramLabel = "<target directory>",
      description = "Where the savepoint goes (default: the job's state.savepoints.dir).")
  private String targetDirectory;

  @Mixin
  private SavepointTimeout timeout;

  @Override
  public Integer call() throws RestClientException {
    String job = cluster.jobId(jobId);
    String path = cluster.client().savepoint(job, CliPaths.absolute(targetDirectory),
        timeout.get(cluster));
    CliOutput.print(spec, cluster.output, "Savepoint completed. Path: " + path,
        Map.of("jobId", job, "savepointPath", path));
    return 0;
  }
}
