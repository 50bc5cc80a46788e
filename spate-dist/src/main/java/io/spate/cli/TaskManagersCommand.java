package io.spate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.spate.cli.rest.RestClientException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spate taskmanagers}: lists the TaskManagers of a cluster with their slots, through the REST API. */
@Command(name = "taskmanagers", description = "Lists the TaskManagers of a cluster with their slots.")
final class TaskManagersCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterOptions cluster;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Override
  public Integer call() throws RestClientException {
    JsonNode taskManagers = cluster.client().listTaskManagers();
    StringBuilder text = new StringBuilder();
    if (taskManagers.isEmpty()) {
      text.append("No TaskManagers.");
    }
    for (JsonNode tm : taskManagers) {
      if (!text.isEmpty()) {
        text.append(System.lineSeparator());
      }
      text.append(tm.path("address").asText()).append(" : ").append(tm.path("free-slots").asInt()).append(" of ")
          .append(tm.path("slots-number").asInt()).append(" slots free");
    }
    CliOutput.print(spec, cluster.output, text.toString(), Map.of("taskmanagers", taskManagers));
    return 0;
  }
}
