package io.spate.cli;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import io.spate.api.configuration.Configuration;
import io.spate.cli.rest.RestClientException;
import io.spate.cli.rest.RestClusterClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spate cluster status}: whether the session cluster of the pid file runs, with its pid, REST
 * address, TaskManagers and slots. Exits with 0 when it runs and 3 when it does not.
 */
@Command(name = "status", description = "Says whether the session cluster runs, with its pid, REST address,"
    + " TaskManagers and slots; exit status 0 when it runs, 3 when it does not.")
final class ClusterStatusCommand implements Callable<Integer> {

  /** The exit status of a cluster that does not run, as init scripts use it. */
  static final int NOT_RUNNING = 3;

  @Spec
  private CommandSpec spec;

  @Mixin
  private ClusterConfigOptions options;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Shows this help message and exits.")
  private boolean helpRequested;

  @Option(names = "--output", paramLabel = "text|json", converter = ClusterOptions.OutputConverter.class,
      description = "text (default) or json, for scripts.")
  private ClusterOptions.Output output = ClusterOptions.Output.TEXT;

  @Override
  public Integer call() throws Exception {
    Configuration conf = options.load();
    ClusterFiles files = ClusterFiles.of(conf);
    Optional<Long> pid = files.pid();
    Map<String, Object> fields = new LinkedHashMap<>();
    // With high availability a standby may lead after the first JobManager died.
    List<Long> jobManagers = new ArrayList<>();
    pid.flatMap(JobManagerProcess::find).ifPresent(p -> jobManagers.add(p.pid()));
    for (java.nio.file.Path standby : files.standbyPidFiles().values()) {
      ClusterFiles.pidIn(standby).flatMap(JobManagerProcess::find).ifPresent(p -> jobManagers.add(p.pid()));
    }
    if (jobManagers.isEmpty()) {
      fields.put("status", "stopped");
      String text = "JobManager: stopped";
      if (pid.isPresent()) {
        files.clear();
        text += " (removed the stale pid file " + files.pidFile() + ": process " + pid.get() + " is gone)";
      }
      CliOutput.print(spec, output, text + ".", fields);
      return NOT_RUNNING;
    }
    String address = files.address().orElse(null);
    fields.put("status", "running");
    fields.put("pid", jobManagers.get(0));
    fields.put("jobmanagers", jobManagers);
    fields.put("address", address);
    StringBuilder text = new StringBuilder(jobManagers.size() == 1 ? "JobManager: running (pid " + jobManagers.get(0)
        + ")" : "JobManagers: " + jobManagers.size() + " running (pids " + jobManagers.stream().map(String::valueOf)
        .collect(java.util.stream.Collectors.joining(", ")) + "), one leading");
    if (address == null) {
      text.append(", REST API not answering yet");
    } else {
      text.append(", REST API at http://").append(address);
      int colon = address.lastIndexOf(':');
      RestClusterClient client = new RestClusterClient(address.substring(0, colon).replace("[", "").replace("]", ""),
          Integer.parseInt(address.substring(colon + 1)), authorization(conf));
      try {
        JsonNode taskManagers = client.listTaskManagers();
        int slots = 0;
        int free = 0;
        for (JsonNode tm : taskManagers) {
          slots += tm.path("slots-number").asInt();
          free += tm.path("free-slots").asInt();
        }
        fields.put("taskmanagers", taskManagers.size());
        fields.put("slots", slots);
        fields.put("free-slots", free);
        text.append(System.lineSeparator()).append("TaskManagers: ").append(taskManagers.size())
            .append(", slots: ").append(slots).append(" (").append(free).append(" free)");
      } catch (RestClientException e) {
        text.append(System.lineSeparator()).append("TaskManagers: unknown (").append(e.getMessage()).append(')');
      }
    }
    CliOutput.print(spec, output, text.toString(), fields);
    return 0;
  }

  /** The Authorization header that the cluster's own rest.authentication options call for, or null. */
  static String authorization(Configuration conf) {
    String type = conf.get(io.spate.api.configuration.RestOptions.AUTHENTICATION_TYPE).trim().toLowerCase(java.util.Locale.ROOT);
    if (type.equals("bearer")) {
      return "Bearer " + conf.get(io.spate.api.configuration.RestOptions.AUTHENTICATION_TOKEN);
    }
    if (type.equals("basic")) {
      String credentials = conf.get(io.spate.api.configuration.RestOptions.AUTHENTICATION_USERNAME) + ":"
          + conf.get(io.spate.api.configuration.RestOptions.AUTHENTICATION_PASSWORD);
      return "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
    }
    return null;
  }
}
