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

/** {@code spate cancel}: cancels a running job through the REST API. */
@Command(name = "cancel", description = "Cancels a running job.")
final class CancelCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterOptions cluster;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Parameters(index = "0", paramLabel = "<job id>", description = "The job, as 'spate list' shows it.")
  private String jobId;

  @Override
  public Integer call() throws RestClientException {
    String job = cluster.jobId(jobId);
    cluster.client().cancel(job);
    CliOutput.print(spec, cluster.output, "Cancelled job " + job + ".", Map.of("jobId", job, "cancelled", true));
    return 0;
  }
}
