package io.spate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.cli.rest.RestClientException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spate list}: lists the jobs of a cluster through the REST API. */
@Command(name = "list", description = "Lists the running and recently ended jobs of a cluster.")
final class ListCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterOptions cluster;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Override
  public Integer call() throws RestClientException {
    JsonNode jobs = cluster.client().listJobs();
    StringBuilder text = new StringBuilder();
    if (jobs.isEmpty()) {
      text.append("No jobs.");
    }
    for (JsonNode job : jobs) {
      if (!text.isEmpty()) {
        text.append(System.lineSeparator());
      }
      text.append(TIME.format(Instant.ofEpochMilli(job.path("start-time").asLong()))).append(" : ")
          .append(job.path("jid").asText()).append(" : ").append(job.path("name").asText())
          .append(" (").append(job.path("state").asText()).append(')');
    }
    CliOutput.print(spec, cluster.output, text.toString(), Map.of("jobs", jobs));
    return 0;
  }
}
