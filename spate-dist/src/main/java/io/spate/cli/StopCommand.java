package io.spate.cli;

import io.spate.cli.rest.RestClientException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spate stop}: stops a running job with a savepoint through the REST API. */
@Command(name = "stop", description = "Stops a running job with a savepoint and prints its path.")
final class StopCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterOptions cluster;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Parameters(index = "0", paramLabel = "<job id>", description = "The job, as 'spate list' shows it.")
  private String jobId;

  @Option(names = {"-p", "--savepointPath"}, paramLabel = "<directory>",
      description = "Where the savepoint goes (default: the job's state.savepoints.dir).")
  private String targetDirectory;

  @Option(names = {"-d", "--drain"},
      description = "Emits the final watermark before the savepoint, so that every event-time window fires.")
  private boolean drain;

  @Mixin
  private SavepointTimeout timeout;

  @Override
  public Integer call() throws RestClientException {
    String job = cluster.jobId(jobId);
    String path = cluster.client().stopWithSavepoint(job, CliPaths.absolute(targetDirectory), drain,
        timeout.get(cluster));
    CliOutput.print(spec, cluster.output, "Savepoint completed. Path: " + path,
        Map.of("jobId", job, "savepointPath", path));
    return 0;
  }
}
