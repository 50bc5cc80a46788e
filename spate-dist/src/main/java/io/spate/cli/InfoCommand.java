package io.spate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.cli.rest.RestClientException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spate info}: a job's status and graph (its tasks with parallelism and state, and their edges). */
@Command(name = "info", description = "Shows a job's status and graph: its tasks with their parallelism and the"
    + " states of their subtasks, and how records flow between them.")
final class InfoCommand implements Callable<Integer> {

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
    JsonNode job = cluster.client().jobDetails(cluster.jobId(jobId));
    StringBuilder text = new StringBuilder();
    text.append(job.path("jid").asText()).append(" : ").append(job.path("name").asText()).append(" (")
        .append(job.path("state").asText()).append("), running for ").append(job.path("duration").asLong() / 1000)
        .append(" s, ").append(job.path("records-processed").asLong()).append(" records from its sources");
    for (JsonNode vertex : job.path("vertices")) {
      text.append(System.lineSeparator()).append("  task ").append(vertex.path("id").asInt()).append(": ")
          .append(vertex.path("name").asText()).append(" x").append(vertex.path("parallelism").asInt())
          .append(" ").append(vertex.path("status").asText()).append(" ").append(vertex.path("tasks"));
    }
    for (JsonNode edge : job.path("edges")) {
      text.append(System.lineSeparator()).append("  task ").append(edge.path("source").asInt()).append(" -> task ")
          .append(edge.path("target").asInt()).append(" (").append(edge.path("partitioning").asText()).append(')');
    }
    CliOutput.print(spec, cluster.output, text.toString(), job);
    return 0;
  }
}
